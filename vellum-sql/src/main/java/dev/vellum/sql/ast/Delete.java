package dev.vellum.sql.ast;

import java.util.List;

import dev.vellum.sql.Table;

/**
 * {@code DELETE FROM table WHERE ... [RETURNING ...]}. Built with {@code Sql.delete(table)}.
 *
 * @param table     the table
 * @param where     the condition, or {@code null} for every row
 * @param returning RETURNING expressions
 * @since 0.1
 */
public record Delete(Table table, Condition where, List<Expression<?>> returning) implements Statement {
    /** Copies the list. */
    public Delete {
        Nodes.notNull(table, "the table of a delete");
        returning = List.copyOf(returning);
    }

    /** A delete of every row of {@code table}, until {@link #where} narrows it. */
    public static Delete from(Table table) {
        return new Delete(table, null, List.of());
    }

    /** {@code WHERE condition}, ANDed with any earlier one. */
    public Delete where(Condition condition) {
        Nodes.notNull(condition, "the WHERE condition");
        return new Delete(table, where == null ? condition : where.and(condition), returning);
    }

    /** {@code RETURNING expressions} (PostgreSQL, SQLite and MariaDB 10.5+). */
    public Delete returning(Expression<?>... expressions) {
        return new Delete(table, where, List.of(expressions));
    }
}
