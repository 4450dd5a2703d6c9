package dev.vellum.orm;

/**
 * The scope {@link Session#begin()} opens: {@link #commit()} flushes and commits; closing without it rolls back,
 * so an exception leaving the try block never commits half the work.
 *
 * @since 0.1
 */
public interface SessionTransaction extends AutoCloseable {
    /** Flushes and commits. */
    void commit();

    /** Rolls back now. */
    void rollback();

    /** Rolls back unless committed. */
    @Override
    void close();
}
