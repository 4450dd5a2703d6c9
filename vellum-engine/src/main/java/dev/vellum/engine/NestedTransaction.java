package dev.vellum.engine;

/**
 * A savepoint inside the connection's transaction, opened by {@link Connection#beginNested()}. Use it with
 * try-with-resources: unless {@link #commit()} is called, closing it rolls back to the savepoint, undoing only
 * what ran since, while the enclosing transaction goes on.
 *
 * <pre>{@code
 * try (var sp = conn.beginNested()) {
 *     conn.execute("INSERT INTO audit (msg) VALUES (?)", "risky");
 *     sp.commit();              // releases the savepoint; the outer transaction still decides
 * }                             // without commit(): rolled back to the savepoint
 * }</pre>
 *
 * <p>One thread at a time, like its connection.
 *
 * @since 0.1
 */
public interface NestedTransaction extends AutoCloseable {
    /** Keeps the work done since the savepoint (releases it). The outer transaction still has to commit. */
    void commit();

    /** Undoes the work done since the savepoint; the outer transaction stays usable. */
    void rollback();

    /** True until {@link #commit()}, {@link #rollback()} or {@link #close()}. */
    boolean isActive();

    /** Rolls back to the savepoint unless already committed or rolled back. */
    @Override
    void close();
}
