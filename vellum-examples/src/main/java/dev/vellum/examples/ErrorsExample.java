package dev.vellum.examples;

import java.io.PrintStream;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Vellum;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.InvalidResultException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.error.VellumException;

/**
 * Error handling: every failure is a {@link VellumException}; a database error is a {@link DatabaseException}
 * subclass chosen the same way on every database (a unique violation is an {@link IntegrityException}
 * everywhere), carrying the SQLState, the vendor code, the failed SQL (never its bind values) and
 * {@code isTransient()}.
 */
public final class ErrorsExample {
    private ErrorsExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Provokes one error of each kind on {@code signups} and prints how each was caught. */
    public static void run(String url, PrintStream out) {
        Connection closed;
        try (var conn = Vellum.connect(url)) {
            closed = conn;
            createSignups(conn);
            // tag::errors[]
            try {
                conn.execute("INSERT INTO signups (email) VALUES (?)", "ana@example.com");
                conn.commit();
            } catch (IntegrityException e) {                 // unique, foreign key, not null, check
                conn.rollback();
                out.println("already signed up (SQLState " + e.sqlState() + ", vendor code " + e.vendorCode()
                        + ", transient " + e.isTransient() + ")");
            }
            try {
                conn.execute("SELECT * FROM signup");
            } catch (DatabaseException e) {                  // here a ProgrammingException: no such table
                conn.rollback();
                out.println(e.getClass().getSimpleName() + " in " + e.sql());
            }
            // end::errors[]
            try {
                conn.execute("SELECT email FROM signups").one();
            } catch (InvalidResultException e) {
                out.println("InvalidResultException: " + e.getMessage());
            }
            try {
                conn.execute("SELECT * FROM signups WHERE email = ?");
            } catch (ProgrammingException e) {
                out.println("ProgrammingException: " + e.getMessage());
            }
            conn.commit();
        }
        try {
            closed.execute("SELECT 1");
        } catch (InterfaceException e) {
            out.println("InterfaceException: " + e.getMessage());
        }
    }

    private static void createSignups(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS signups");
        conn.execute("CREATE TABLE signups (email VARCHAR(100) PRIMARY KEY)");
        conn.execute("INSERT INTO signups (email) VALUES (?), (?)", "ana@example.com", "bob@example.com");
        conn.commit();
    }
}
