package dev.vellum.engine.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.StatementListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statement logging for an engine's connections, through SLF4J: {@code echo} logs each statement and its binds
 * at INFO on {@code dev.vellum.engine.echo} (long values cut, or all hidden with {@code hideParameters});
 * {@code slowStatementThreshold} logs statements that ran longer at WARN on {@code dev.vellum.engine.slow}, with
 * their duration. Bind values never reach the slow log. Thread-safe.
 */
final class StatementLog {
    private static final Logger ECHO = LoggerFactory.getLogger("dev.vellum.engine.echo");
    private static final Logger SLOW = LoggerFactory.getLogger("dev.vellum.engine.slow");
    private static final int MAX_VALUE_CHARS = 50;

    private final boolean echo;
    private final boolean hideParameters;
    private final long slowNanos;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();

    private StatementLog(boolean echo, boolean hideParameters, Duration slow) {
        this.echo = echo;
        this.hideParameters = hideParameters;
        this.slowNanos = slow == null ? 0 : slow.toNanos();
    }

    /** The log for these options. */
    static StatementLog of(EngineOptions options) {
        return new StatementLog(options.echo(), options.hideParameters(), options.slowStatementThreshold());
    }

    /** Adds a listener told about every statement from now on. */
    void addListener(StatementListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener added before; unknown ones are ignored. */
    void removeListener(StatementListener listener) {
        listeners.remove(listener);
    }

    private void tell(String sql) {
        for (StatementListener l : listeners) {
            l.beforeStatement(sql);
        }
    }

    /** Logs a statement about to run; returns the start time for {@link #finished}. */
    long starting(String sql, Object[] binds) {
        if (!listeners.isEmpty()) {
            tell(sql);
        }
        if (echo && ECHO.isInfoEnabled()) {
            ECHO.info("{} {}", sql, hideParameters ? "[parameters hidden]" : Rows.tuple(cut(binds)));
        }
        return slowNanos > 0 ? System.nanoTime() : 0;
    }

    /** Logs a batch about to run. */
    long startingBatch(String sql, int rows) {
        if (!listeners.isEmpty()) {
            tell(sql);
        }
        if (echo && ECHO.isInfoEnabled()) {
            ECHO.info("{} [batch of {} rows]", sql, rows);
        }
        return slowNanos > 0 ? System.nanoTime() : 0;
    }

    /** Logs the statement as slow when it ran past the threshold. */
    void finished(String sql, long startNanos) {
        if (slowNanos > 0) {
            long took = System.nanoTime() - startNanos;
            if (took > slowNanos) {
                SLOW.warn("slow statement ({} ms): {}", TimeUnit.NANOSECONDS.toMillis(took), sql);
            }
        }
    }

    private static Object[] cut(Object[] binds) {
        var out = new Object[binds.length];
        for (int i = 0; i < binds.length; i++) {
            out[i] = switch (binds[i]) {
                case String s when s.length() > MAX_VALUE_CHARS -> s.substring(0, MAX_VALUE_CHARS) + "... ("
                        + (s.length() - MAX_VALUE_CHARS) + " characters truncated)";
                case byte[] b when b.length > MAX_VALUE_CHARS -> new Truncated(b.length + " bytes");
                case null, default -> binds[i];
            };
        }
        return out;
    }

    /** A placeholder printed bare in place of a value too long to log. */
    private record Truncated(String text) {
        @Override
        public String toString() {
            return "<" + text + ">";
        }
    }
}
