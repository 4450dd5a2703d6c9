package dev.vellum.examples;

import java.io.PrintStream;
import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Vellum;
import dev.vellum.error.IntegrityException;

/**
 * Savepoints: {@code beginNested()} marks a point inside the transaction; closing the {@code NestedTransaction}
 * without {@code commit()} undoes only what ran since, and the transaction goes on. That is how one failing
 * statement is skipped without losing the rest (PostgreSQL otherwise refuses every statement until rollback).
 */
public final class SavepointExample {
    private SavepointExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Subscribes three addresses, one of them twice, in one transaction, and prints what was kept. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            createSubscribers(conn);
            // tag::savepoints[]
            for (String email : List.of("ana@example.com", "bob@example.com", "ana@example.com", "eve@example.com")) {
                try (var savepoint = conn.beginNested()) {
                    conn.execute("INSERT INTO subscribers (email) VALUES (?)", email);
                    savepoint.commit();                     // keeps the row; the transaction has to commit
                } catch (IntegrityException e) {
                    out.println("skipped duplicate " + email);  // close() rolled back to the savepoint
                }
            }
            conn.commit();
            // end::savepoints[]
            out.println("subscribers: " + conn.execute("SELECT email FROM subscribers ORDER BY email").all());
            conn.commit();
        }
    }

    private static void createSubscribers(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS subscribers");
        conn.execute("CREATE TABLE subscribers (email VARCHAR(100) PRIMARY KEY)");
        conn.commit();
    }
}
