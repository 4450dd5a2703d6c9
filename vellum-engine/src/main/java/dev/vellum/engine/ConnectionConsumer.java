package dev.vellum.engine;

/**
 * Work done with a connection that returns nothing, for {@link Engine#useTransaction(ConnectionConsumer)}.
 *
 * @param <X> the checked exception the work may throw (use {@code RuntimeException} for none)
 * @since 0.1
 */
@FunctionalInterface
public interface ConnectionConsumer<X extends Exception> {
    /** Does the work on {@code conn}; the caller owns the transaction and the connection. */
    void useConnection(Connection conn) throws X;
}
