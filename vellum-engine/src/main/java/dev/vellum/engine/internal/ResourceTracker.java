package dev.vellum.engine.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the connections and statements (with their result sets) that Vellum has open, so tests can assert that
 * nothing leaked. Two atomic counters: cheap enough to stay on in production. Thread-safe.
 */
public final class ResourceTracker {
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static final AtomicInteger STATEMENTS = new AtomicInteger();

    private ResourceTracker() {
    }

    /** Connections opened by Vellum and not yet closed. */
    public static int openConnections() {
        return CONNECTIONS.get();
    }

    /** Statements (and the result sets they own) opened by Vellum and not yet closed. */
    public static int openStatements() {
        return STATEMENTS.get();
    }

    static void connectionOpened() {
        CONNECTIONS.incrementAndGet();
    }

    static void connectionClosed() {
        CONNECTIONS.decrementAndGet();
    }

    static void statementOpened() {
        STATEMENTS.incrementAndGet();
    }

    static void statementClosed() {
        STATEMENTS.decrementAndGet();
    }
}
