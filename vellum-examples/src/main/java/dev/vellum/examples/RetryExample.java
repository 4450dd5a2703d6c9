package dev.vellum.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.vellum.engine.Backend;
import dev.vellum.engine.Url;
import dev.vellum.engine.Vellum;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.IntegrityException;

/**
 * Retrying transient failures: {@code DatabaseException.isTransient()} is true for deadlocks, serialization
 * failures, lost or refused connections and a busy SQLite database, where running the whole transaction again
 * may succeed. Here a second connection holds SQLite's write lock for 400 ms while the counter update, whose URL
 * sets a 100 ms busy timeout, is retried until it gets through. A constraint violation is not transient and is
 * not retried. Needs a SQLite file URL.
 */
public final class RetryExample {
    private RetryExample() {
    }

    /** Runs on the SQLite file URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Updates a counter while another connection holds the lock, then retries a duplicate insert. */
    public static void run(String url, PrintStream out) {
        Url file = Url.parse(url);
        if (file.backend() != Backend.SQLITE || file.isMemory()) {
            throw new IllegalArgumentException("RetryExample needs a SQLite file URL, got " + file);
        }
        try (var conn = Vellum.connect(file)) {
            conn.execute("DROP TABLE IF EXISTS counters");
            conn.execute("CREATE TABLE counters (name VARCHAR(20) PRIMARY KEY, n BIGINT NOT NULL)");
            conn.execute("INSERT INTO counters (name, n) VALUES (?, ?)", "hits", 0);
            conn.commit();
        }
        Thread holder = holdWriteLock(file, Duration.ofMillis(400));
        String busyUrl = file.withOption("busy_timeout", "100").render(false);
        // tag::retry-use[]
        Supplier<Long> countHit = () -> {
            try (var conn = Vellum.connect(busyUrl)) {               // a new connection for every attempt
                conn.execute("UPDATE counters SET n = n + 1 WHERE name = ?", "hits");
                long n = conn.execute("SELECT n FROM counters WHERE name = ?", "hits").scalar(Long.class);
                conn.commit();
                return n;
            }
        };
        // end::retry-use[]
        var attempts = new AtomicInteger();
        long hits = withRetry(5, () -> {
            attempts.incrementAndGet();
            return countHit.get();
        });
        join(holder);
        out.println("hits: " + hits + ", retried: " + (attempts.get() > 1));
        attempts.set(0);
        try {
            withRetry(5, () -> {
                attempts.incrementAndGet();
                try (var conn = Vellum.connect(busyUrl)) {
                    return conn.execute("INSERT INTO counters (name, n) VALUES (?, ?)", "hits", 0).rowCount();
                }
            });
        } catch (IntegrityException e) {
            out.println("not transient, attempts: " + attempts.get());
        }
    }

    // tag::retry[]
    /** Runs {@code transaction} up to {@code attempts} times while it fails with a transient error. */
    static <T> T withRetry(int attempts, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (DatabaseException e) {
                if (!e.isTransient() || attempt == attempts) {
                    throw e;
                }
                sleep(Duration.ofMillis(100L << (attempt - 1)));   // back off: 100 ms, 200 ms, 400 ms, ...
            }
        }
    }
    // end::retry[]

    /** Starts a thread whose connection holds the write lock for {@code duration}; returns once it holds it. */
    private static Thread holdWriteLock(Url url, Duration duration) {
        var locked = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().name("lock-holder").start(() -> {
            try (var conn = Vellum.connect(url)) {
                conn.execute("UPDATE counters SET n = n + 100 WHERE name = ?", "hits");
                locked.countDown();
                sleep(duration);
                conn.commit();
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
