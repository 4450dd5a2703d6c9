package dev.vellum.engine.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the connections and statements (with their result sets) that Vellum has open, so tests can assert that
 * nothing leaked. Two striped counters ({@link LongAdder}): cheap enough to stay on in production, and free of
 * contention between threads. Thread-safe.
 */
public final class ResourceTracker {
    private static final LongAdder CONNECTIONS = new LongAdder();
    private static final LongAdder STATEMENTS = new LongAdder();

    private ResourceTracker() {
    }

    /**
     * Direct connections ({@code Vellum.connect}) opened and not yet closed; an engine's pooled connections are
     * counted by the engine ({@code poolStats().active()}).
     */
    public static int openConnections() {
        return CONNECTIONS.intValue();
    }

    /** Statements (and the result sets they own) opened by Vellum and not yet closed. */
    public static int openStatements() {
        return STATEMENTS.intValue();
    }

    static void connectionOpened() {
        CONNECTIONS.increment();
    }

    static void connectionClosed() {
        CONNECTIONS.decrement();
    }

    static void statementOpened() {
        STATEMENTS.increment();
    }

    static void statementClosed() {
        STATEMENTS.decrement();
    }
}
