/** The SQLite dialect. Not API: reach it through {@code Dialects.SQLITE}; may change without notice. */
package dev.vellum.dialect.sqlite;
