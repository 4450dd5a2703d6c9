package dev.vellum.examples;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Transaction;
import dev.vellum.engine.Vellum;

/**
 * After-commit and after-rollback hooks: a cache entry is dropped only once the change it caches is committed,
 * and left alone when the transaction rolls back.
 */
public final class HooksExample {
    private HooksExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Renames two users, one in a transaction that commits and one in a transaction that rolls back. */
    public static void run(String url, PrintStream out) {
        try (Engine engine = Vellum.createEngine(url)) {
            engine.useTransaction(conn -> {
                conn.execute("DROP TABLE IF EXISTS people");
                conn.execute("CREATE TABLE people (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL)");
                conn.execute("INSERT INTO people (id, name) VALUES (?, ?), (?, ?)", 1, "Ada", 2, "Grace");
            });
            // tag::hooks[]
            Map<Long, String> cache = new ConcurrentSkipListMap<>(Map.of(1L, "Ada", 2L, "Grace"));   // id -> name
            engine.useTransaction(conn -> {
                conn.execute("UPDATE people SET name = ? WHERE id = ?", "Ada Lovelace", 1);
                conn.afterCommit(() -> cache.remove(1L));          // runs once the change is committed
            });
            try (Transaction tx = engine.begin()) {
                tx.execute("UPDATE people SET name = ? WHERE id = ?", "Grace Hopper", 2);
                tx.afterCommit(() -> cache.remove(2L));            // never runs: no commit
                tx.afterRollback(() -> out.println("rolled back"));
            }                                                      // close() without commit(): rolled back
            out.println("cache: " + cache);                        // cache: {2=Grace}
            // end::hooks[]
            out.println("people: " + engine.inTransaction(
                    conn -> conn.execute("SELECT name FROM people ORDER BY id").all()));
        }
    }
}
