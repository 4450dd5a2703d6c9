package dev.vellum.engine;

import dev.vellum.sql.SqlType;

/**
 * A column as the database describes it, from {@link Inspector#columns(String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name          the column name, as stored (case preserved)
 * @param typeName      the type as the database spells it: PostgreSQL's {@code format_type} ({@code character
 *                      varying(50)}, {@code timestamp with time zone}), MariaDB's {@code COLUMN_TYPE}
 *                      ({@code int(11)}, {@code tinyint(1)}), SQLite's declared type as written
 *                      ({@code NVARCHAR(160)}, empty when none was declared)
 * @param type          the nearest Vellum type; {@link dev.vellum.sql.SqlTypes#TEXT} when there is none (see
 *                      {@link Inspector} for the mapping)
 * @param nullable      false when the column is {@code NOT NULL} (or an SQLite rowid alias, which never holds
 *                      NULL)
 * @param defaultValue  the default as SQL text, as the database reports it ({@code 'x'::character varying} on
 *                      PostgreSQL, {@code current_timestamp()} on MariaDB, {@code CURRENT_TIMESTAMP} on SQLite), or
 *                      {@code null} when there is none
 * @param autoincrement true when the database generates the value: a PostgreSQL identity or {@code serial}
 *                      column, MariaDB {@code AUTO_INCREMENT}, an SQLite {@code INTEGER PRIMARY KEY} (rowid)
 * @since 0.1
 */
public record ReflectedColumn(String name, String typeName, SqlType<?> type, boolean nullable, String defaultValue,
                              boolean autoincrement) {
}
