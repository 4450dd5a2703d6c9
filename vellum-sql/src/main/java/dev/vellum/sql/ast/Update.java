package dev.vellum.sql.ast;

import java.util.ArrayList;
import java.util.List;

import dev.vellum.sql.Column;
import dev.vellum.sql.Table;

/**
 * {@code UPDATE table SET ... [FROM ...] WHERE ... [RETURNING ...]}. Built with {@code Sql.update(table)}.
 *
 * @param table     the updated table
 * @param sets      the assignments
 * @param from      other tables the WHERE refers to (PostgreSQL {@code FROM}, MariaDB multi-table update)
 * @param where     the condition, or {@code null} for every row
 * @param returning RETURNING expressions
 * @since 0.1
 */
public record Update(Table table, List<Assignment> sets, List<FromItem> from, Condition where,
                     List<Expression<?>> returning) implements Statement {
    /** Copies the lists. */
    public Update {
        Nodes.notNull(table, "the table of an update");
        sets = List.copyOf(sets);
        from = List.copyOf(from);
        returning = List.copyOf(returning);
    }

    /** An update of {@code table} with nothing set yet. */
    public static Update of(Table table) {
        return new Update(table, List.of(), List.of(), null, List.of());
    }

    /** {@code SET column = value}. */
    public <T> Update set(Column<T> column, T value) {
        return set(column, Nodes.notNull(column, "the column").bindOf(value));
    }

    /** {@code SET column = expression}. */
    public <T> Update set(Column<T> column, Expression<? extends T> value) {
        var list = new ArrayList<>(sets);
        list.add(new Assignment(column, value));
        return new Update(table, list, from, where, returning);
    }

    /** Other tables the condition joins to. */
    public Update from(FromItem... items) {
        return new Update(table, sets, List.of(items), where, returning);
    }

    /** {@code WHERE condition}, ANDed with any earlier one. */
    public Update where(Condition condition) {
        Nodes.notNull(condition, "the WHERE condition");
        return new Update(table, sets, from, where == null ? condition : where.and(condition), returning);
    }

    /** {@code RETURNING expressions} (PostgreSQL and SQLite). */
    public Update returning(Expression<?>... expressions) {
        return new Update(table, sets, from, where, List.of(expressions));
    }
}
