package dev.vellum.engine;

import java.time.Duration;
import java.util.Map;

import dev.vellum.error.InterfaceException;

/**
 * How an {@link Engine} pools and runs connections, with SQLAlchemy's {@code create_engine} names and meanings.
 * Immutable: each method named after an option returns a copy with that option set.
 *
 * <pre>{@code
 * EngineOptions.defaults().poolSize(10).maxOverflow(20).prePing(true).recycle(Duration.ofHours(1)).echo(true)
 * }</pre>
 *
 * <ul>
 *   <li>{@code poolSize} (5): connections kept open when idle.</li>
 *   <li>{@code maxOverflow} (10): connections opened beyond {@code poolSize} under load; one returned while
 *       {@code poolSize} others are idle is closed at once. SQLAlchemy's -1 (no limit) is refused.</li>
 *   <li>{@code poolTimeout} (30 s): how long {@code connect()} waits for a free connection before a
 *       {@link dev.vellum.error.PoolTimeoutException}; at least 250 ms.</li>
 *   <li>{@code prePing} (off): test each connection at checkout and replace it if dead.</li>
 *   <li>{@code recycle} (none): replace a connection at checkout once it is older than this; any duration.</li>
 *   <li>{@code echo}, {@code echoPool}, {@code hideParameters}: log statements with their binds, pool events,
 *       and hide the binds; {@code slowStatementThreshold}: log statements that run longer.</li>
 *   <li>{@code isolationLevel} (the database's default), {@code statementTimeout} (none) for every connection;
 *       {@code connectArgs}: extra driver properties, as SQLAlchemy's {@code connect_args}.</li>
 *   <li>{@code leakDetectionThreshold} (off): log a warning with the stack of a connection held longer;
 *       at least 2 s.</li>
 *   <li>{@code timeCheckouts} (off): time every checkout for {@link PoolStats#totalWait()} and
 *       {@link PoolStats#maxWait()}; two clock reads per checkout, about a third of a bare pool's
 *       checkout. With Micrometer on the class path, HikariCP's acquire timer measures waits anyway.</li>
 * </ul>
 *
 * <p>Values the pool underneath would silently change are refused with an {@link InterfaceException} instead.
 * Thread-safe.
 *
 * @param poolSize               connections kept when idle
 * @param maxOverflow            extra connections allowed under load
 * @param poolTimeout            the wait for a free connection
 * @param prePing                test connections at checkout
 * @param recycle                maximum connection age, or {@code null}
 * @param echo                   log statements
 * @param echoPool               log pool events
 * @param hideParameters         leave bind values out of logs
 * @param slowStatementThreshold log statements slower than this, or {@code null}
 * @param isolationLevel         the isolation level, or {@code null} for the database's default
 * @param statementTimeout       the statement timeout of every connection, or {@code null}
 * @param connectArgs            extra driver properties
 * @param leakDetectionThreshold warn about connections held longer, or {@code null}
 * @param timeCheckouts          measure how long each checkout waits, for {@link PoolStats}
 * @since 0.1
 */
public record EngineOptions(int poolSize, int maxOverflow, Duration poolTimeout, boolean prePing, Duration recycle,
                            boolean echo, boolean echoPool, boolean hideParameters, Duration slowStatementThreshold,
                            IsolationLevel isolationLevel, Duration statementTimeout, Map<String, String> connectArgs,
                            Duration leakDetectionThreshold, boolean timeCheckouts) {
    private static final EngineOptions DEFAULTS = new EngineOptions(5, 10, Duration.ofSeconds(30), false, null,
            false, false, false, null, null, null, Map.of(), null, false);

    /** Validates every option. */
    public EngineOptions {
        if (poolSize < 1) {
            throw new InterfaceException("poolSize must be at least 1, got " + poolSize);
        }
        if (maxOverflow < 0) {
            throw new InterfaceException("maxOverflow must be 0 or more, got " + maxOverflow
                    + " (an unlimited overflow, SQLAlchemy's -1, is not supported: give a bound)");
        }
        if (poolTimeout == null || poolTimeout.toMillis() < 250) {
            throw new InterfaceException("poolTimeout must be at least 250 ms, got " + poolTimeout);
        }
        requirePositive(recycle, "recycle");
        requirePositive(slowStatementThreshold, "slowStatementThreshold");
        requirePositive(statementTimeout, "statementTimeout");
        if (leakDetectionThreshold != null && leakDetectionThreshold.toMillis() < 2_000) {
            throw new InterfaceException("leakDetectionThreshold must be at least 2 s, got " + leakDetectionThreshold);
        }
        if (connectArgs == null) {
            throw new InterfaceException("connectArgs must not be null (use Map.of())");
        }
        connectArgs = Map.copyOf(connectArgs);
    }

    private static void requirePositive(Duration d, String name) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new InterfaceException(name + " must be positive, got " + d);
        }
    }

    /** SQLAlchemy's defaults: pool of 5, overflow 10, 30 s timeout, no pre-ping, no recycle, no echo. */
    public static EngineOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with this pool size. */
    public EngineOptions poolSize(int value) {
        return new EngineOptions(value, maxOverflow, poolTimeout, prePing, recycle, echo, echoPool, hideParameters,
                slowStatementThreshold, isolationLevel, statementTimeout, connectArgs, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy with this overflow. */
    public EngineOptions maxOverflow(int value) {
        return new EngineOptions(poolSize, value, poolTimeout, prePing, recycle, echo, echoPool, hideParameters,
                slowStatementThreshold, isolationLevel, statementTimeout, connectArgs, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy with this pool timeout. */
    public EngineOptions poolTimeout(Duration value) {
        return new EngineOptions(poolSize, maxOverflow, value, prePing, recycle, echo, echoPool, hideParameters,
                slowStatementThreshold, isolationLevel, statementTimeout, connectArgs, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy with pre-ping on or off. */
    public EngineOptions prePing(boolean value) {
        return new EngineOptions(poolSize, maxOverflow, poolTimeout, value, recycle, echo, echoPool, hideParameters,
                slowStatementThreshold, isolationLevel, statementTimeout, connectArgs, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy that recycles connections older than {@code value} ({@code null}: never). */
    public EngineOptions recycle(Duration value) {
        return new EngineOptions(poolSize, maxOverflow, poolTimeout, prePing, value, echo, echoPool, hideParameters,
                slowStatementThreshold, isolationLevel, statementTimeout, connectArgs, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy with statement logging on or off. */
    public EngineOptions echo(boolean value) {
        return new EngineOptions(poolSize, maxOverflow, poolTimeout, prePing, recycle, value, echoPool, hideParameters,
                slowStatementThreshold, isolationLevel, statementTimeout, connectArgs, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy with pool-event logging on or off. */
    public EngineOptions echoPool(boolean value) {
        return new EngineOptions(poolSize, maxOverflow, poolTimeout, prePing, recycle, echo, value, hideParameters,
                slowStatementThreshold, isolationLevel, statementTimeout, connectArgs, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy that leaves bind values out of logs (or puts them back). */
    public EngineOptions hideParameters(boolean value) {
        return new EngineOptions(poolSize, maxOverflow, poolTimeout, prePing, recycle, echo, echoPool, value,
                slowStatementThreshold, isolationLevel, statementTimeout, connectArgs, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy that logs statements slower than {@code value} ({@code null}: none). */
    public EngineOptions slowStatementThreshold(Duration value) {
        return new EngineOptions(poolSize, maxOverflow, poolTimeout, prePing, recycle, echo, echoPool, hideParameters,
                value, isolationLevel, statementTimeout, connectArgs, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy with this isolation level ({@code null}: the database's default). */
    public EngineOptions isolationLevel(IsolationLevel value) {
        return new EngineOptions(poolSize, maxOverflow, poolTimeout, prePing, recycle, echo, echoPool, hideParameters,
                slowStatementThreshold, value, statementTimeout, connectArgs, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy with this statement timeout for every connection ({@code null}: none). */
    public EngineOptions statementTimeout(Duration value) {
        return new EngineOptions(poolSize, maxOverflow, poolTimeout, prePing, recycle, echo, echoPool, hideParameters,
                slowStatementThreshold, isolationLevel, value, connectArgs, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy with these extra driver properties (they win over the URL's options). */
    public EngineOptions connectArgs(Map<String, String> value) {
        return new EngineOptions(poolSize, maxOverflow, poolTimeout, prePing, recycle, echo, echoPool, hideParameters,
                slowStatementThreshold, isolationLevel, statementTimeout, value, leakDetectionThreshold,
                timeCheckouts);
    }

    /** A copy that warns about connections held longer than {@code value} ({@code null}: off). */
    public EngineOptions leakDetectionThreshold(Duration value) {
        return new EngineOptions(poolSize, maxOverflow, poolTimeout, prePing, recycle, echo, echoPool, hideParameters,
                slowStatementThreshold, isolationLevel, statementTimeout, connectArgs, value, timeCheckouts);
    }

    /** A copy that times every checkout's wait (or stops timing). */
    public EngineOptions timeCheckouts(boolean value) {
        return new EngineOptions(poolSize, maxOverflow, poolTimeout, prePing, recycle, echo, echoPool, hideParameters,
                slowStatementThreshold, isolationLevel, statementTimeout, connectArgs, leakDetectionThreshold, value);
    }
}
