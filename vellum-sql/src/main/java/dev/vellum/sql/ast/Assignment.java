package dev.vellum.sql.ast;

import dev.vellum.sql.Column;

/**
 * {@code column = value} in an UPDATE or an upsert's update. Made with {@code Sql.set(column, value)}.
 *
 * @param column the column written
 * @param value  its new value
 * @since 0.1
 */
public record Assignment(Column<?> column, Expression<?> value) {
    /** Checks the parts. */
    public Assignment {
        Nodes.notNull(column, "the assigned column");
        Nodes.notNull(value, "the assigned value");
    }
}
