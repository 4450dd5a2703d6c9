package dev.vellum.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.vellum.engine.Engine;
import dev.vellum.engine.StatementListener;

/**
 * Counts the statements a piece of work sends, to pin down N+1 problems in tests:
 * {@code assertQueries(2, () -> authors.forEach(a -> a.getPosts().size()))}. Counts every statement sent on the
 * calling thread by the engines {@link TestDatabase#createEngine} made (or {@link #watch watched} ones), whatever
 * the layer above (Core, ORM) that sent them.
 *
 * @since 0.1
 */
public final class Queries {
    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();
    private static final StatementListener RECORDER = sql -> {
        List<String> statements = RECORDING.get();
        if (statements != null) {
            statements.add(sql);
        }
    };

    private Queries() {
    }

    /** Makes statements of {@code engine} count; engines from {@link TestDatabase#createEngine} already do. */
    public static void watch(Engine engine) {
        engine.addStatementListener(RECORDER);
    }

    /** The statements {@code work} sent on this thread, in order. */
    public static List<String> recorded(Runnable work) {
        List<String> outer = RECORDING.get();
        var statements = new ArrayList<String>();
        RECORDING.set(statements);
        try {
            work.run();
        } finally {
            RECORDING.set(outer);
            if (outer != null) {
                outer.addAll(statements);
            }
        }
        return statements;
    }

    /** Runs {@code work} and fails unless it sent exactly {@code expected} statements, listing those it sent. */
    public static void assertQueries(int expected, Runnable work) {
        check(expected, recorded(work));
    }

    /** {@link #assertQueries(int, Runnable)} for work with a result, which is returned. */
    public static <T> T assertQueries(int expected, Supplier<T> work) {
        var result = new ArrayList<T>(1);
        check(expected, recorded(() -> result.add(work.get())));
        return result.getFirst();
    }

    private static void check(int expected, List<String> statements) {
        if (statements.size() != expected) {
            var message = new StringBuilder("expected " + expected + " statement" + (expected == 1 ? "" : "s")
                    + " but " + statements.size() + " ran:");
            for (int i = 0; i < statements.size(); i++) {
                message.append("\n  ").append(i + 1).append(". ").append(statements.get(i));
            }
            throw new AssertionError(message.toString());
        }
    }
}
