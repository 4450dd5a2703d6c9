package dev.vellum.engine;

import java.time.Duration;

import dev.vellum.error.DatabaseException;
import dev.vellum.error.InterfaceException;

/**
 * When {@link Engine#inTransaction(Retry, ConnectionCallback)} runs a transaction again: after a transient
 * failure (serialization failure 40001, deadlock 40P01 / MariaDB 1213, lock timeout 55P03 / 1205, a busy SQLite
 * file, a lost connection before the commit was sent), up to {@code maxAttempts} runs, sleeping an exponentially
 * growing, jittered backoff between them, within a total time budget. Never after a non-transient failure, and
 * never when the connection was lost during {@code COMMIT} itself (the commit may have happened).
 *
 * <pre>{@code
 * engine.inTransaction(Retry.onTransient(5), conn -> ...);
 * engine.inTransaction(Retry.onTransient(10).backoff(Duration.ofMillis(20), Duration.ofSeconds(1))
 *         .budget(Duration.ofSeconds(5)), conn -> ...);
 * }</pre>
 *
 * <p>The failure of the last run is thrown, with the failures of the earlier runs attached as suppressed
 * exceptions. Immutable and thread-safe.
 *
 * @param maxAttempts    runs in all, at least 1
 * @param initialBackoff the sleep before the second run; doubled before each later one
 * @param maxBackoff     the longest sleep
 * @param budget         no new run starts once this much time has passed since the first
 * @param jitter         sleep a random time between zero and the backoff ("full jitter") instead of exactly it
 * @since 0.1
 */
public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration budget, boolean jitter) {
    /** Validates the policy. */
    public Retry {
        if (maxAttempts < 1) {
            throw new InterfaceException("a retry policy needs at least 1 attempt, got " + maxAttempts);
        }
        if (initialBackoff == null || maxBackoff == null || budget == null || initialBackoff.isNegative()
                || maxBackoff.compareTo(initialBackoff) < 0 || budget.isNegative()) {
            throw new InterfaceException("retry backoff must be 0 <= initial <= max and the budget positive, got "
                    + initialBackoff + ", " + maxBackoff + ", " + budget);
        }
    }

    /** Up to {@code maxAttempts} runs; backoff from 50 ms up to 2 s with jitter; 30 s budget. */
    public static Retry onTransient(int maxAttempts) {
        return new Retry(maxAttempts, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(30), true);
    }

    /** A copy with this backoff range. */
    public Retry backoff(Duration initial, Duration max) {
        return new Retry(maxAttempts, initial, max, budget, jitter);
    }

    /** A copy with this total time budget. */
    public Retry budget(Duration value) {
        return new Retry(maxAttempts, initialBackoff, maxBackoff, value, jitter);
    }

    /** A copy that sleeps exactly the backoff. */
    public Retry withoutJitter() {
        return new Retry(maxAttempts, initialBackoff, maxBackoff, budget, false);
    }

    /** True when {@code failure} may succeed if the whole transaction runs again. */
    public boolean isRetryable(Throwable failure) {
        if (!(failure instanceof DatabaseException e) || !e.isTransient()) {
            return false;
        }
        boolean lostDuringCommit = "COMMIT".equals(e.sql()) && e.sqlState() != null && e.sqlState().startsWith("08");
        return !lostDuringCommit;
    }

    /** The sleep before run {@code attempt + 1} (attempt counts from 1), before jitter. */
    public Duration backoffAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 30);
        long nanos = initialBackoff.toNanos() > Long.MAX_VALUE / factor ? Long.MAX_VALUE
                : initialBackoff.toNanos() * factor;
        return Duration.ofNanos(Math.min(nanos, maxBackoff.toNanos()));
    }
}
