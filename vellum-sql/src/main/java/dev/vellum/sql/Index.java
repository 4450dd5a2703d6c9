package dev.vellum.sql;

import java.util.List;

/**
 * An index on one or more columns of a table. Defined with {@code table.index(name, columns...)} and created by
 * {@code engine.createAll(metadata)}.
 *
 * @param name    the index name
 * @param table   the indexed table
 * @param columns the columns, in order
 * @param unique  a unique index
 * @since 0.1
 */
public record Index(String name, Table table, List<Column<?>> columns, boolean unique) {
    /** Copies the columns. */
    public Index {
        columns = List.copyOf(columns);
    }
}
