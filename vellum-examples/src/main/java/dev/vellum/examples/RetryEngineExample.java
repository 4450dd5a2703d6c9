package dev.vellum.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vellum.engine.Backend;
import dev.vellum.engine.Engine;
import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.Retry;
import dev.vellum.engine.Transaction;
import dev.vellum.engine.Url;
import dev.vellum.engine.Vellum;
import dev.vellum.error.IntegrityException;

/**
 * Retrying transient failures with {@code Retry.onTransient}: while another transaction holds a row lock (the
 * write lock, on SQLite), the counter update waits a short lock timeout, fails with a transient
 * {@code OperationalException}, and the engine runs the whole transaction again until it gets through. A unique
 * violation is not transient and is thrown at once. Needs a database several connections share: not
 * {@code sqlite://}, where an engine keeps a single connection.
 */
public final class RetryEngineExample {
    private RetryEngineExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Updates a counter while another transaction holds its lock, then inserts a duplicate. */
    public static void run(String url, PrintStream out) {
        Url parsed = Url.parse(url);
        if (parsed.isMemory()) {
            throw new IllegalArgumentException("RetryEngineExample needs a database several connections share, "
                    + "not " + url + " (a sqlite:// engine keeps one connection)");
        }
        Backend backend = parsed.backend();
        var options = EngineOptions.defaults().connectArgs(lockTimeout(backend));
        try (Engine engine = Vellum.createEngine(parsed, options)) {
            engine.useTransaction(conn -> {
                conn.execute("DROP TABLE IF EXISTS counters");
                conn.execute("CREATE TABLE counters (name VARCHAR(20) PRIMARY KEY, n BIGINT NOT NULL)");
                conn.execute("INSERT INTO counters (name, n) VALUES (?, ?)", "hits", 0);
            });
            // MariaDB counts its lock timeout in whole seconds: hold the lock past the first one
            Thread holder = holdLock(engine, Duration.ofMillis(backend == Backend.MARIADB ? 1_500 : 400));
            // tag::retry[]
            var attempts = new AtomicInteger();
            long hits = engine.inTransaction(Retry.onTransient(10), conn -> {   // up to 10 runs of the callback
                attempts.incrementAndGet();
                conn.execute("UPDATE counters SET n = n + 1 WHERE name = ?", "hits");   // lock wait times out
                return conn.execute("SELECT n FROM counters WHERE name = ?", "hits").scalar(Long.class);
            });
            out.println("hits: " + hits + ", retried: " + (attempts.get() > 1));   // hits: 101, retried: true
            attempts.set(0);
            try {
                engine.useTransaction(Retry.onTransient(10), conn -> {
                    attempts.incrementAndGet();
                    conn.execute("INSERT INTO counters (name, n) VALUES (?, ?)", "hits", 0);   // duplicate key
                });
            } catch (IntegrityException e) {                                  // not transient: not retried
                out.println(e.getClass().getSimpleName() + " after " + attempts.get() + " attempt");   // 1 attempt
            }
            // end::retry[]
            join(holder);
        }
    }

    /** Driver properties that make a lock wait fail after 100 ms (1 s on MariaDB), as {@code connect_args}. */
    private static Map<String, String> lockTimeout(Backend backend) {
        return switch (backend) {
            case SQLITE -> Map.of("busy_timeout", "100");
            case POSTGRESQL -> Map.of("options", "-c lock_timeout=100");
            case MARIADB -> Map.of("sessionVariables", "innodb_lock_wait_timeout=1");
        };
    }

    /** Starts a thread whose transaction holds the counter's lock for {@code duration}; returns once it does. */
    private static Thread holdLock(Engine engine, Duration duration) {
        var locked = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().name("lock-holder").start(() -> {
            try (Transaction tx = engine.begin()) {
                tx.execute("UPDATE counters SET n = n + 100 WHERE name = ?", "hits");
                locked.countDown();
                sleep(duration);
                tx.commit();
            }
        });
        try {
            if (!locked.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the lock holder did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return holder;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
