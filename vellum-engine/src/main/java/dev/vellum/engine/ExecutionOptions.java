package dev.vellum.engine;

import java.time.Duration;

import dev.vellum.error.InterfaceException;

/**
 * Options for one statement, as SQLAlchemy's {@code execution_options}: a timeout that cancels the statement on
 * the server, and a fetch size that streams a large result instead of loading it whole.
 *
 * <pre>{@code
 * conn.execute(ExecutionOptions.timeout(Duration.ofSeconds(2)), "SELECT * FROM big WHERE x = ?", 42);
 * try (Result r = conn.execute(ExecutionOptions.stream(1_000), "SELECT * FROM big")) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param timeout   cancel the statement after this long; {@code null} to use the connection's timeout
 * @param fetchSize rows fetched per round trip when streaming; 0 to let the driver load the whole result
 * @since 0.1
 */
public record ExecutionOptions(Duration timeout, int fetchSize) {
    /** No timeout beyond the connection's, no streaming. */
    public static final ExecutionOptions DEFAULTS = new ExecutionOptions(null, 0);

    /** Validates the options. */
    public ExecutionOptions {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new InterfaceException("statement timeout must be positive, got " + timeout);
        }
        if (fetchSize < 0) {
            throw new InterfaceException("fetch size must be 0 or more, got " + fetchSize);
        }
    }

    /** Options with only a statement timeout. */
    public static ExecutionOptions timeout(Duration timeout) {
        return new ExecutionOptions(timeout, 0);
    }

    /** Options that stream the result {@code fetchSize} rows at a time. */
    public static ExecutionOptions stream(int fetchSize) {
        return new ExecutionOptions(null, fetchSize);
    }

    /** A copy with this timeout. */
    public ExecutionOptions withTimeout(Duration newTimeout) {
        return new ExecutionOptions(newTimeout, fetchSize);
    }

    /** A copy with this fetch size. */
    public ExecutionOptions withFetchSize(int newFetchSize) {
        return new ExecutionOptions(timeout, newFetchSize);
    }
}
