package dev.vellum.sql.ast;

import java.util.List;

import dev.vellum.error.InterfaceException;

/**
 * {@code left UNION|INTERSECT|EXCEPT [ALL] right [ORDER BY ...] [LIMIT ...]}.
 *
 * @param kind    the set operation
 * @param all     keep duplicates ({@code UNION ALL})
 * @param left    the first query
 * @param right   the second query
 * @param orderBy ORDER BY of the whole result
 * @param limit   LIMIT of the whole result, or {@code null}
 * @param offset  OFFSET of the whole result, or {@code null}
 * @since 0.1
 */
public record CompoundSelect(Kind kind, boolean all, SelectStatement left, SelectStatement right,
                             List<OrderItem> orderBy, Expression.Bind<Long> limit, Expression.Bind<Long> offset)
        implements SelectStatement {
    /** The set operations. */
    public enum Kind {
        /** Rows of either. */ UNION,
        /** Rows of both. */ INTERSECT,
        /** Rows of the first not in the second. */ EXCEPT
    }

    /** Checks that both sides select the same number of columns. */
    public CompoundSelect {
        Nodes.notNull(left, "the left query");
        Nodes.notNull(right, "the right query");
        orderBy = List.copyOf(orderBy);
        if (left.selected().size() != right.selected().size()) {
            throw new InterfaceException(kind + " needs queries with as many columns: " + left.selected().size()
                    + " and " + right.selected().size());
        }
    }

    static CompoundSelect of(Kind kind, boolean all, SelectStatement left, SelectStatement right) {
        return new CompoundSelect(kind, all, left, right, List.of(), null, null);
    }

    @Override
    public List<Expression<?>> selected() {
        return left.selected();
    }

    /** {@code ORDER BY} of the whole result. */
    public CompoundSelect orderBy(OrderItem... items) {
        return new CompoundSelect(kind, all, left, right, List.of(items), limit, offset);
    }

    /** {@code LIMIT} of the whole result. */
    public CompoundSelect limit(long rows) {
        return new CompoundSelect(kind, all, left, right, orderBy, count(rows, "limit"), offset);
    }

    /** {@code OFFSET} of the whole result. */
    public CompoundSelect offset(long rows) {
        return new CompoundSelect(kind, all, left, right, orderBy, limit, count(rows, "offset"));
    }

    static Expression.Bind<Long> count(long rows, String what) {
        return Select.countBind(rows, what);
    }
}
