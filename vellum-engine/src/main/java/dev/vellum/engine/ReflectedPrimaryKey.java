package dev.vellum.engine;

import java.util.List;

/**
 * A table's primary key, from {@link Inspector#primaryKey(String)}; {@code columns} is empty when the table has
 * none.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name    the constraint name, or {@code null} where the database keeps none: MariaDB (always
 *                {@code PRIMARY}), SQLite unless declared with {@code CONSTRAINT name}, or no key at all
 * @param columns the key's columns, in key order
 * @since 0.1
 */
public record ReflectedPrimaryKey(String name, List<String> columns) {
    /** Copies the list. */
    public ReflectedPrimaryKey {
        columns = List.copyOf(columns);
    }
}
