package dev.vellum.engine;

/**
 * Something the pool did with one physical connection, as SQLAlchemy's pool events name it.
 *
 * @param kind         what happened
 * @param connectionId Vellum's number for the physical connection (1, 2, ... per engine), stable across checkouts
 * @param reason       why a connection was invalidated: {@code pre-ping}, {@code recycle}, {@code overflow} (closed
 *                     on return above {@code poolSize}) or {@code broken} (cleanup failed); null otherwise
 * @since 0.1
 */
public record PoolEvent(Kind kind, long connectionId, String reason) {
    /** The pool events. */
    public enum Kind {
        /** A new physical connection was opened. */
        CONNECT,
        /** A connection was handed out by {@link Engine#connect()}. */
        CHECKOUT,
        /** A connection came back to the pool (or was closed, when above {@code poolSize}). */
        CHECKIN,
        /** A connection was thrown away: it failed pre-ping, was too old, or was above {@code poolSize}. */
        INVALIDATE
    }
}
