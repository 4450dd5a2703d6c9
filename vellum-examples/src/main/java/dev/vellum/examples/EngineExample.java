package dev.vellum.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.PoolStats;
import dev.vellum.engine.Row;
import dev.vellum.engine.Transaction;
import dev.vellum.engine.Vellum;
import dev.vellum.error.IntegrityException;

/**
 * The tutorial's connection pooling ({@code create_engine(url, pool_size=..., max_overflow=..., pool_pre_ping=...,
 * pool_recycle=...)}) and its {@code with sess.begin():} blocks: an {@link Engine} holds a pool of connections;
 * {@code connect()} lends one out, {@code useTransaction}, {@code inTransaction} and {@code begin()} scope a
 * transaction to a callback or a try-with-resources block.
 */
public final class EngineExample {
    private EngineExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Creates an engine, runs a few transactions through it and prints what they left and the pool's counts. */
    public static void run(String url, PrintStream out) {
        // tag::engine[]
        var options = EngineOptions.defaults()                     // SQLAlchemy's defaults: 5, 10, 30 s
                .poolSize(10).maxOverflow(20).poolTimeout(Duration.ofSeconds(30))
                .prePing(true).recycle(Duration.ofHours(1))
                .echo(true);                                       // statements and binds, through SLF4J
        try (Engine engine = Vellum.createEngine(url, options)) {  // opens the first connection now
            try (Connection conn = engine.connect()) {             // a pooled DB-API connection
                createSupplies(conn);                              // DROP and CREATE TABLE supplies
                conn.commit();
            }                                                      // close() returns it to the pool
            scopedTransactions(engine, out);                       // see Scoped transactions
            PoolStats stats = engine.poolStats();
            out.println(stats.active() + " active, " + stats.checkouts() + " checkouts");   // 0 active, 6 checkouts
        }                                                          // closes the pooled connections
        // end::engine[]
    }

    private static void scopedTransactions(Engine engine, PrintStream out) {
        // tag::scoped[]
        engine.useTransaction(conn -> conn.execute("INSERT INTO supplies (name) VALUES (?)", "pen"));   // commits
        try (Transaction tx = engine.begin()) {
            tx.execute("INSERT INTO supplies (name) VALUES (?)", "ink");
            tx.commit();                                           // only an explicit commit() commits
        }
        try (Transaction tx = engine.begin()) {
            tx.execute("INSERT INTO supplies (name) VALUES (?)", "eraser");
        }                                                          // no commit(): close() rolls back
        try {
            engine.useTransaction(conn -> {
                conn.execute("INSERT INTO supplies (name) VALUES (?)", "glue");
                conn.execute("INSERT INTO supplies (name) VALUES (NULL)");   // NOT NULL: fails
            });
        } catch (IntegrityException e) {                           // the original exception, after the rollback
            out.println("rolled back: " + e.getClass().getSimpleName());
        }
        List<Row> names = engine.inTransaction(conn -> conn.execute("SELECT name FROM supplies ORDER BY id").all());
        out.println("supplies: " + names);                         // supplies: [('pen',), ('ink',)]
        // end::scoped[]
    }

    private static void createSupplies(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS supplies");
        conn.execute("CREATE TABLE supplies (id " + Ddl.key(conn.backend()) + ", name VARCHAR(50) NOT NULL)");
    }
}
