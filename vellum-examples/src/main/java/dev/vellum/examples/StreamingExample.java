package dev.vellum.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.stream.Stream;

import dev.vellum.engine.Connection;
import dev.vellum.engine.ExecutionOptions;
import dev.vellum.engine.Result;
import dev.vellum.engine.Row;
import dev.vellum.engine.Vellum;

/**
 * Streaming a large result: {@code ExecutionOptions.stream(n)} fetches {@code n} rows per round trip instead of
 * loading the whole result. A result read to the end closes itself; one left early must be closed, which
 * try-with-resources does.
 */
public final class StreamingExample {
    private StreamingExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Fills {@code events} with 5,000 rows, then streams them twice: stopping early, and as a Java stream. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            createEvents(conn, 5_000);
            // tag::streaming[]
            var streamed = ExecutionOptions.stream(1_000);    // fetch 1,000 rows per round trip
            try (Result events = conn.execute(streamed, "SELECT id, kind FROM events ORDER BY id")) {
                for (Row event : events) {
                    if (event.get("kind").equals("error")) {
                        out.println("first error: " + event);  // (7, 'error')
                        break;                                 // stops early: try-with-resources closes the result
                    }
                }
            }
            try (Stream<Row> rows = conn.execute(streamed, "SELECT amount FROM events").stream()) {
                long total = rows.mapToLong(row -> row.get(0, Long.class)).sum();
                out.println("total: " + total);               // total: 12502500
            }
            // end::streaming[]
            conn.commit();
        }
    }

    private static void createEvents(Connection conn, int n) {
        conn.execute("DROP TABLE IF EXISTS events");
        conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, kind VARCHAR(10) NOT NULL, amount BIGINT NOT NULL)");
        var rows = new ArrayList<Object[]>(n);
        for (int i = 1; i <= n; i++) {
            rows.add(new Object[] {i, i % 7 == 0 ? "error" : "info", i});
        }
        conn.executeMany("INSERT INTO events (id, kind, amount) VALUES (?, ?, ?)", rows);
        conn.commit();
    }
}
