package dev.vellum.examples;

import java.io.PrintStream;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Vellum;
import dev.vellum.error.InternalException;

/**
 * Read-only transactions: after {@code setReadOnly(true)} (called between transactions) the database refuses
 * writes with an {@link InternalException}, on every backend; {@code setReadOnly(false)} makes the following
 * transactions writable again.
 */
public final class ReadOnlyExample {
    private ReadOnlyExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Reads {@code reports} read-only, tries to delete from it, then writes again; prints each outcome. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            createReports(conn);
            // tag::read-only[]
            conn.setReadOnly(true);                      // between transactions: after commit() or rollback()
            long reports = conn.execute("SELECT COUNT(*) FROM reports").scalar(Long.class);
            out.println(reports + " reports");           // 2 reports
            try {
                conn.execute("DELETE FROM reports");
            } catch (InternalException e) {
                out.println("refused: " + e.getMessage());
            }
            conn.rollback();
            conn.setReadOnly(false);                     // writable again from the next transaction
            // end::read-only[]
            conn.execute("INSERT INTO reports (id, title) VALUES (?, ?)", 3, "Q3");
            conn.commit();
            out.println("read-only: " + conn.isReadOnly() + ", "
                    + conn.execute("SELECT COUNT(*) FROM reports").scalar() + " reports");
            conn.commit();
        }
    }

    private static void createReports(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS reports");
        conn.execute("CREATE TABLE reports (id INTEGER PRIMARY KEY, title VARCHAR(100))");
        conn.execute("INSERT INTO reports (id, title) VALUES (?, ?), (?, ?)", 1, "Q1", 2, "Q2");
        conn.commit();
    }
}
