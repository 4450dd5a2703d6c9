/** The MariaDB dialect. Not API: reach it through {@code Dialects.MARIADB}; may change without notice. */
package dev.vellum.dialect.mariadb;
