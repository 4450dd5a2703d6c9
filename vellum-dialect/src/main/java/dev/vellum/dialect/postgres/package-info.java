/** The PostgreSQL dialect. Not API: reach it through {@code Dialects.POSTGRESQL}; may change without notice. */
package dev.vellum.dialect.postgres;
