package dev.vellum.engine;

/**
 * Work done with a connection that returns a value, for {@link Engine#inTransaction(ConnectionCallback)}.
 *
 * @param <R> the value returned
 * @param <X> the checked exception the work may throw (use {@code RuntimeException} for none)
 * @since 0.1
 */
@FunctionalInterface
public interface ConnectionCallback<R, X extends Exception> {
    /** Does the work on {@code conn}; the caller owns the transaction and the connection. */
    R withConnection(Connection conn) throws X;
}
