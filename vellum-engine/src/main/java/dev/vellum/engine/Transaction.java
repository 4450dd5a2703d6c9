package dev.vellum.engine;

/**
 * One transaction on a pooled connection, from {@link Engine#begin()}, for try-with-resources:
 *
 * <pre>{@code
 * try (Transaction tx = engine.begin()) {
 *     tx.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", 10, 1);
 *     tx.commit();          // only an explicit commit commits
 * }                         // otherwise close() rolls back; either way the connection goes back to the pool
 * }</pre>
 *
 * <p>It is a {@link Connection} whose {@link #commit()} and {@link #rollback()} end it: any later statement raises
 * an {@link dev.vellum.error.InterfaceException}. One thread at a time.
 *
 * @since 0.1
 */
public interface Transaction extends Connection {
    /** True until {@link #commit()}, {@link #rollback()} or {@link #close()}. */
    boolean isActive();
}
