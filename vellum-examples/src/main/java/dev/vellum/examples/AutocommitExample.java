package dev.vellum.examples;

import java.io.PrintStream;
import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Vellum;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.InterfaceException;

/**
 * Autocommit: each statement commits by itself, so {@code rollback()} has nothing to undo. An
 * {@code executeMany} batch still runs as one transaction: a failing row undoes the whole batch. The mode can only
 * change between transactions.
 */
public final class AutocommitExample {
    private AutocommitExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Writes to {@code visits} with autocommit on and off, printing the row count after each step. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            createVisits(conn);
            // tag::autocommit[]
            conn.setAutocommit(true);                                          // between transactions
            conn.execute("INSERT INTO visits (page) VALUES (?)", "/home");     // committed at once
            conn.rollback();                                                   // nothing to undo
            try {
                conn.executeMany("INSERT INTO visits (page) VALUES (?)", List.of(List.of("/a"), List.of("/home")));
            } catch (IntegrityException e) {
                out.println("batch undone: " + e.getClass().getSimpleName());  // "/a" is not kept either
            }
            // end::autocommit[]
            out.println("visits: " + count(conn));
            conn.setAutocommit(false);
            conn.execute("INSERT INTO visits (page) VALUES (?)", "/about");
            try {
                conn.setAutocommit(true);
            } catch (InterfaceException e) {
                out.println(e.getMessage());
            }
            conn.rollback();
            out.println("visits after rollback: " + count(conn));
            conn.commit();
        }
    }

    private static long count(Connection conn) {
        return conn.execute("SELECT COUNT(*) FROM visits").scalar(Long.class);
    }

    private static void createVisits(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS visits");
        conn.execute("CREATE TABLE visits (page VARCHAR(100) PRIMARY KEY)");
        conn.commit();
    }
}
