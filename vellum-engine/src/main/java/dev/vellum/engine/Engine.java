package dev.vellum.engine;

import java.util.Collection;

import dev.vellum.dialect.Dialect;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;

/**
 * What a service holds: a pool of connections to one database (SQLAlchemy's {@code Engine}), created by
 * {@link Vellum#createEngine(String, EngineOptions)} and closed when the service stops.
 *
 * <pre>{@code
 * Engine engine = Vellum.createEngine("postgresql://app@db/shop", EngineOptions.defaults().poolSize(10));
 * long n = engine.inTransaction(conn -> conn.execute("SELECT COUNT(*) FROM orders").scalar(Long.class));
 * engine.useTransaction(Retry.onTransient(5), conn -> conn.execute("UPDATE stock SET n = n - 1 WHERE id = ?", 7));
 * try (Transaction tx = engine.begin()) { ...; tx.commit(); }
 * try (Connection conn = engine.connect()) { ... }    // DB-API style; close() returns it to the pool
 * }</pre>
 *
 * <p>Thread-safe: share one engine; each connection it hands out is used by one thread at a time.
 *
 * @since 0.1
 */
public interface Engine extends AutoCloseable {
    /**
     * Checks a connection out of the pool, waiting up to {@code poolTimeout} for one. With {@code prePing} a dead
     * connection is replaced; with {@code recycle} an old one. {@link Connection#close()} returns it (rolled
     * back if a transaction was left open).
     *
     * @throws dev.vellum.error.PoolTimeoutException when none became free in time
     */
    Connection connect();

    /** Checks a connection out and returns it as one {@link Transaction}; commits only on {@code commit()}. */
    Transaction begin();

    /**
     * Runs {@code work} in a transaction on a pooled connection: commits when it returns, rolls back when it
     * throws (rethrowing the original exception), and returns the connection either way.
     */
    <R, X extends Exception> R inTransaction(ConnectionCallback<R, X> work) throws X;

    /** {@link #inTransaction(ConnectionCallback)}, running the whole transaction again as {@code retry} allows. */
    <R, X extends Exception> R inTransaction(Retry retry, ConnectionCallback<R, X> work) throws X;

    /** {@link #inTransaction(ConnectionCallback)} for work that returns nothing. */
    <X extends Exception> void useTransaction(ConnectionConsumer<X> work) throws X;

    /** {@link #inTransaction(Retry, ConnectionCallback)} for work that returns nothing. */
    <X extends Exception> void useTransaction(Retry retry, ConnectionConsumer<X> work) throws X;

    /** Adds a listener told about every statement this engine's connections send (tests count queries with it). */
    void addStatementListener(StatementListener listener);

    /** Removes a statement listener; one never added is ignored. */
    void removeStatementListener(StatementListener listener);

    /** Adds a listener for pool events. */
    void addPoolListener(PoolListener listener);

    /** The pool's counts now, and the waits so far. */
    PoolStats poolStats();

    /** The database URL (its {@code toString} masks the password). */
    Url url();

    /** The options the engine was created with. */
    EngineOptions options();

    /**
     * Creates the tables of {@code metadata} that do not exist yet, with their indexes, parents before children
     * (foreign-key order), in one transaction where the database allows DDL in one. Idempotent.
     */
    void createAll(MetaData metadata);

    /**
     * {@link #createAll(MetaData)} for tables gathered from anywhere (the ORM's entities keep one table each):
     * those that do not exist yet are created with their indexes, in foreign-key order among {@code tables}.
     */
    void createAll(Collection<? extends Table> tables);

    /** Drops the tables of {@code metadata} that exist, children before parents. Idempotent. */
    void dropAll(MetaData metadata);

    /** {@link #dropAll(MetaData)} for tables gathered from anywhere: children first, missing ones skipped. */
    void dropAll(Collection<? extends Table> tables);

    /**
     * An {@link Inspector} of the database this engine connects to (PostgreSQL: the current schema; MariaDB: the
     * current database): its tables, views, columns, keys and indexes, read from the catalogs on pooled
     * connections that each call returns before it returns. Cheap; thread-safe.
     */
    Inspector inspector();

    /**
     * Every table of the database as a new {@link MetaData} whose tables work in statements and in
     * {@link #createAll(MetaData)}: {@code inspector().reflect()}; see {@link Inspector#reflect()} for what is
     * kept and how types map back.
     */
    MetaData reflect();

    /** The dialect this engine's statements are compiled with. */
    Dialect dialect();

    /** Closes every pooled connection; connections still checked out are closed as they come back. */
    @Override
    void close();
}
