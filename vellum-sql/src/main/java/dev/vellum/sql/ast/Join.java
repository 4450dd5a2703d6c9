package dev.vellum.sql.ast;

/**
 * {@code left kind JOIN right ON on}.
 *
 * @param left  the left side
 * @param right the right side
 * @param kind  inner, left, right or full
 * @param on    the join condition
 * @since 0.1
 */
public record Join(FromItem left, FromItem right, Kind kind, Condition on) implements FromItem {
    /** The kinds of join. */
    public enum Kind {
        /** {@code JOIN}. */ INNER,
        /** {@code LEFT JOIN}. */ LEFT,
        /** {@code RIGHT JOIN}. */ RIGHT,
        /** {@code FULL JOIN}. */ FULL
    }

    /** Checks the parts. */
    public Join {
        Nodes.notNull(left, "the left side of a join");
        Nodes.notNull(right, "the right side of a join");
        Nodes.notNull(kind, "the kind of join");
        Nodes.notNull(on, "the ON condition of a join");
    }
}
