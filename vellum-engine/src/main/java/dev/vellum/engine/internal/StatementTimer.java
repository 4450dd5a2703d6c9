package dev.vellum.engine.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Statement timeouts with millisecond precision on every backend. JDBC's {@code setQueryTimeout} takes whole
 * seconds and sqlite-jdbc maps it to a busy timeout, so instead one daemon thread calls
 * {@link Statement#cancel()} when the time is up: pgjdbc sends a cancel request, the MariaDB driver a
 * {@code KILL QUERY}, sqlite-jdbc {@code sqlite3_interrupt}. The statement then fails on the server and the
 * caller's thread gets the error; {@link Armed#fired()} tells the error mapper it was a timeout.
 *
 * <p>Thread-safe. Cancelled timers are removed at once, so a fast statement leaves nothing behind.
 */
final class StatementTimer {
    private static final ScheduledThreadPoolExecutor TIMER = createTimer();

    private StatementTimer() {
    }

    private static ScheduledThreadPoolExecutor createTimer() {
        var executor = new ScheduledThreadPoolExecutor(1, r -> {
            var t = new Thread(r, "vellum-statement-timer");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Arms a timer that cancels {@code statement} after {@code timeout}; disarm it when the statement ends. */
    static Armed arm(Statement statement, Duration timeout) {
        var fired = new AtomicBoolean();
        ScheduledFuture<?> future = TIMER.schedule(() -> {
            fired.set(true);
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // the statement finished or its connection died meanwhile: nothing left to cancel
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return new Armed(future, fired, timeout);
    }

    /** A running timer. */
    record Armed(ScheduledFuture<?> future, AtomicBoolean firedFlag, Duration timeout) {
        void disarm() {
            future.cancel(false);
        }

        boolean fired() {
            return firedFlag.get();
        }
    }
}
