package dev.vellum.sql.ast;

import java.util.ArrayList;
import java.util.List;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.SqlTypes;

/**
 * {@code [WITH ...] SELECT [DISTINCT] columns FROM ... WHERE ... GROUP BY ... HAVING ... ORDER BY ... LIMIT ...
 * OFFSET ... [FOR UPDATE]}. Built with {@code Sql.select(...)}; every method returns a new select.
 *
 * @param with      common table expressions
 * @param recursive {@code WITH RECURSIVE}
 * @param distinctRows {@code SELECT DISTINCT}
 * @param columns   the selected expressions
 * @param from      the FROM items (comma-separated when several)
 * @param where     the WHERE condition, or {@code null}
 * @param groupBy   GROUP BY expressions
 * @param having    the HAVING condition, or {@code null}
 * @param orderBy   ORDER BY items
 * @param limit     the row limit (a bind), or {@code null}
 * @param offset    the rows skipped (a bind), or {@code null}
 * @param lock      the row lock, or {@code null}
 * @since 0.1
 */
public record Select(List<Cte> with, boolean recursive, boolean distinctRows, List<Expression<?>> columns,
                     List<FromItem> from, Condition where, List<Expression<?>> groupBy, Condition having,
                     List<OrderItem> orderBy, Expression.Bind<Long> limit, Expression.Bind<Long> offset, Lock lock)
        implements SelectStatement {

    /** Copies the lists and checks that something is selected. */
    public Select {
        with = List.copyOf(with);
        columns = List.copyOf(columns);
        from = List.copyOf(from);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        if (columns.isEmpty()) {
            throw new InterfaceException("a select needs at least one column");
        }
    }

    /** A select of these columns, with nothing else yet. */
    public static Select of(List<? extends Expression<?>> columns) {
        return new Select(List.of(), false, false, List.copyOf(columns), List.of(), null, List.of(), null, List.of(),
                null, null, null);
    }

    @Override
    public List<Expression<?>> selected() {
        return columns;
    }

    /** {@code FROM items}; replaces any earlier FROM. Without it, the tables of the columns are used. */
    public Select from(FromItem... items) {
        return new Select(with, recursive, distinctRows, columns, List.of(items), where, groupBy, having,
                orderBy, limit,
                offset, lock);
    }

    /** Joins {@code right} to the last FROM item: {@code ... JOIN right ON on}. */
    public Select join(FromItem right, Condition on) {
        return joined(right, Join.Kind.INNER, on);
    }

    /** Left-joins {@code right} to the last FROM item. */
    public Select leftJoin(FromItem right, Condition on) {
        return joined(right, Join.Kind.LEFT, on);
    }

    private Select joined(FromItem right, Join.Kind kind, Condition on) {
        if (from.isEmpty()) {
            throw new InterfaceException("join needs a FROM item to join to: call from(...) first");
        }
        var items = new ArrayList<>(from);
        items.set(items.size() - 1, new Join(items.getLast(), right, kind, on));
        return new Select(with, recursive, distinctRows, columns, items, where, groupBy, having, orderBy, limit, offset,
                lock);
    }

    /** {@code WHERE condition}, ANDed with any earlier one. */
    public Select where(Condition condition) {
        Nodes.notNull(condition, "the WHERE condition");
        return new Select(with, recursive, distinctRows, columns, from,
                where == null ? condition : where.and(condition),
                groupBy, having, orderBy, limit, offset, lock);
    }

    /** {@code GROUP BY expressions}. */
    public Select groupBy(Expression<?>... expressions) {
        return new Select(with, recursive, distinctRows, columns, from, where, List.of(expressions), having, orderBy,
                limit, offset, lock);
    }

    /** {@code HAVING condition}, ANDed with any earlier one. */
    public Select having(Condition condition) {
        Nodes.notNull(condition, "the HAVING condition");
        return new Select(with, recursive, distinctRows, columns, from, where, groupBy,
                having == null ? condition : having.and(condition), orderBy, limit, offset, lock);
    }

    /** {@code ORDER BY items}; replaces any earlier ORDER BY. */
    public Select orderBy(OrderItem... items) {
        return new Select(with, recursive, distinctRows, columns, from, where, groupBy, having, List.of(items), limit,
                offset, lock);
    }

    /** {@code ORDER BY expressions} ascending. */
    public Select orderBy(Expression<?>... expressions) {
        var items = new ArrayList<OrderItem>();
        for (Expression<?> e : expressions) {
            items.add(Nodes.notNull(e, "an ORDER BY expression").asc());
        }
        return orderBy(items.toArray(OrderItem[]::new));
    }

    /** {@code LIMIT rows} (a bind). */
    public Select limit(long rows) {
        return new Select(with, recursive, distinctRows, columns, from, where, groupBy, having, orderBy,
                countBind(rows, "limit"), offset, lock);
    }

    /** {@code OFFSET rows} (a bind). */
    public Select offset(long rows) {
        return new Select(with, recursive, distinctRows, columns, from, where, groupBy, having, orderBy, limit,
                countBind(rows, "offset"), lock);
    }

    /** {@code SELECT DISTINCT}. */
    public Select distinct() {
        return new Select(with, recursive, true, columns, from, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /** {@code FOR UPDATE}: lock the selected rows until the transaction ends (ignored by SQLite). */
    public Select forUpdate() {
        return withLock(new Lock(Lock.Strength.UPDATE, Lock.Wait.WAIT));
    }

    /** {@code FOR SHARE} ({@code LOCK IN SHARE MODE} on MariaDB). */
    public Select forShare() {
        return withLock(new Lock(Lock.Strength.SHARE, Lock.Wait.WAIT));
    }

    /** Fail at once instead of waiting for a locked row: {@code NOWAIT}. */
    public Select noWait() {
        return withLock(new Lock(requireLock().strength(), Lock.Wait.NOWAIT));
    }

    /** Skip locked rows: {@code SKIP LOCKED}. */
    public Select skipLocked() {
        return withLock(new Lock(requireLock().strength(), Lock.Wait.SKIP_LOCKED));
    }

    private Lock requireLock() {
        if (lock == null) {
            throw new InterfaceException("noWait() and skipLocked() follow forUpdate() or forShare()");
        }
        return lock;
    }

    private Select withLock(Lock newLock) {
        return new Select(with, recursive, distinctRows, columns, from, where, groupBy, having, orderBy, limit, offset,
                newLock);
    }

    /** {@code WITH ctes} (each CTE defined with {@code Cte.as(query)}). */
    public Select with(Cte... ctes) {
        return withCtes(List.of(ctes), false);
    }

    /** {@code WITH RECURSIVE ctes}. */
    public Select withRecursive(Cte... ctes) {
        return withCtes(List.of(ctes), true);
    }

    private Select withCtes(List<Cte> ctes, boolean isRecursive) {
        for (Cte c : ctes) {
            if (c.query() == null) {
                throw new InterfaceException("CTE " + c.name() + " has no query: define it with cte.as(select)");
            }
        }
        return new Select(ctes, isRecursive, distinctRows, columns, from, where, groupBy, having, orderBy,
                limit, offset,
                lock);
    }

    /**
     * A row lock.
     *
     * @param strength FOR UPDATE or FOR SHARE
     * @param wait     wait, NOWAIT or SKIP LOCKED
     */
    public record Lock(Strength strength, Wait waitPolicy) {
        /** The lock mode. */
        public enum Strength {
            /** {@code FOR UPDATE}. */ UPDATE,
            /** {@code FOR SHARE}. */ SHARE
        }

        /** What to do about rows another transaction holds. */
        public enum Wait {
            /** Wait for them. */ WAIT,
            /** Fail at once. */ NOWAIT,
            /** Skip them. */ SKIP_LOCKED
        }
    }

    static Expression.Bind<Long> countBind(long rows, String what) {
        if (rows < 0) {
            throw new InterfaceException(what + " must not be negative, got " + rows);
        }
        return new Expression.Bind<>(rows, SqlTypes.BIGINT);
    }
}
