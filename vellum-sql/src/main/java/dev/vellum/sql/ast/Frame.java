package dev.vellum.sql.ast;

/**
 * A window frame: {@code ROWS|RANGE BETWEEN start AND end}.
 *
 * @param unit  ROWS or RANGE
 * @param start the first row of the frame
 * @param end   the last row of the frame
 * @since 0.1
 */
public record Frame(Unit unit, Bound start, Bound end) {
    /** How the frame counts. */
    public enum Unit {
        /** Physical rows. */ ROWS,
        /** Peer groups by the ORDER BY value. */ RANGE
    }

    /**
     * One end of a frame.
     *
     * @param kind   which kind of bound
     * @param offset the row count for {@code n PRECEDING} / {@code n FOLLOWING}, else 0
     */
    public record Bound(Kind kind, long offset) {
        /** The kinds of bound. */
        public enum Kind {
            /** {@code UNBOUNDED PRECEDING}. */ UNBOUNDED_PRECEDING,
            /** {@code n PRECEDING}. */ PRECEDING,
            /** {@code CURRENT ROW}. */ CURRENT_ROW,
            /** {@code n FOLLOWING}. */ FOLLOWING,
            /** {@code UNBOUNDED FOLLOWING}. */ UNBOUNDED_FOLLOWING
        }

        /** {@code UNBOUNDED PRECEDING}. */
        public static final Bound UNBOUNDED_PRECEDING = new Bound(Kind.UNBOUNDED_PRECEDING, 0);
        /** {@code CURRENT ROW}. */
        public static final Bound CURRENT_ROW = new Bound(Kind.CURRENT_ROW, 0);
        /** {@code UNBOUNDED FOLLOWING}. */
        public static final Bound UNBOUNDED_FOLLOWING = new Bound(Kind.UNBOUNDED_FOLLOWING, 0);

        /** Checks the offset. */
        public Bound {
            Nodes.notNull(kind, "the frame bound");
            if (offset < 0) {
                throw new dev.vellum.error.InterfaceException("a frame offset must not be negative, got " + offset);
            }
        }

        /** {@code n PRECEDING}. */
        public static Bound preceding(long n) {
            return new Bound(Kind.PRECEDING, n);
        }

        /** {@code n FOLLOWING}. */
        public static Bound following(long n) {
            return new Bound(Kind.FOLLOWING, n);
        }
    }

    /** Checks the parts. */
    public Frame {
        Nodes.notNull(unit, "the frame unit");
        Nodes.notNull(start, "the frame start");
        Nodes.notNull(end, "the frame end");
    }
}
