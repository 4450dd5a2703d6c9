package dev.vellum.engine;

/**
 * Receives pool events, as SQLAlchemy's {@code event.listen(engine, "checkout", fn)}. Every method defaults to
 * doing nothing. Called on the thread that caused the event (the opening thread for {@code CONNECT}); keep them
 * short. Implementations must be thread-safe.
 *
 * @since 0.1
 */
public interface PoolListener {
    /** A physical connection was opened. */
    default void onConnect(PoolEvent event) {
    }

    /** A connection was checked out. */
    default void onCheckout(PoolEvent event) {
    }

    /** A connection was checked in. */
    default void onCheckin(PoolEvent event) {
    }

    /** A connection was invalidated and closed. */
    default void onInvalidate(PoolEvent event) {
    }
}
