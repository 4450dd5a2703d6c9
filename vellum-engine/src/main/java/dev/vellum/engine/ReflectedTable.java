package dev.vellum.engine;

import java.util.List;

/**
 * Everything {@link Inspector} reads about one table, read on one connection by {@link Inspector#table(String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name              the table name, as stored
 * @param columns           the columns, in table order
 * @param primaryKey        the primary key (empty {@code columns} when there is none)
 * @param foreignKeys       the foreign keys
 * @param indexes           the indexes that are not the primary key's or a unique constraint's
 * @param uniqueConstraints the unique constraints
 * @since 0.1
 */
public record ReflectedTable(String name, List<ReflectedColumn> columns, ReflectedPrimaryKey primaryKey,
                             List<ReflectedForeignKey> foreignKeys, List<ReflectedIndex> indexes,
                             List<ReflectedUnique> uniqueConstraints) {
    /** Copies the lists. */
    public ReflectedTable {
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        uniqueConstraints = List.copyOf(uniqueConstraints);
    }

    /** The column named {@code columnName}, or {@code null}. */
    public ReflectedColumn column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
    }
}
