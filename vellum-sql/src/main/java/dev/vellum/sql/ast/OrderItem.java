package dev.vellum.sql.ast;

/**
 * One {@code ORDER BY} item: an expression, a direction and where NULLs go.
 *
 * @param expression the sort key
 * @param direction  ASC or DESC
 * @param nulls      NULLS FIRST / LAST, or the database's default
 * @since 0.1
 */
public record OrderItem(Expression<?> expression, Direction direction, Nulls nulls) {
    /** Sort direction. */
    public enum Direction {
        /** Ascending. */ ASC,
        /** Descending. */ DESC
    }

    /** Where NULLs sort. */
    public enum Nulls {
        /** The database's default (PostgreSQL: last ascending; SQLite and MariaDB: first ascending). */ DEFAULT,
        /** NULLs first. */ FIRST,
        /** NULLs last. */ LAST
    }

    /** Checks the parts. */
    public OrderItem {
        Nodes.notNull(expression, "the ORDER BY expression");
        Nodes.notNull(direction, "the ORDER BY direction");
        Nodes.notNull(nulls, "the ORDER BY nulls placement");
    }

    /** NULLs sort first, on every database. */
    public OrderItem nullsFirst() {
        return new OrderItem(expression, direction, Nulls.FIRST);
    }

    /** NULLs sort last, on every database. */
    public OrderItem nullsLast() {
        return new OrderItem(expression, direction, Nulls.LAST);
    }
}
