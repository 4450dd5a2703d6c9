package dev.vellum.examples;

import java.io.PrintStream;
import java.time.Duration;

import dev.vellum.engine.Backend;
import dev.vellum.engine.ExecutionOptions;
import dev.vellum.engine.Vellum;
import dev.vellum.error.StatementTimeoutException;

/**
 * Statement timeouts: {@code setStatementTimeout} for every statement of a connection, or
 * {@code ExecutionOptions.timeout} for one. The statement is cancelled on the server and fails with a
 * {@link StatementTimeoutException} (an {@code OperationalException}); the connection stays usable after a
 * rollback.
 */
public final class StatementTimeoutExample {
    private StatementTimeoutExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Runs a query that takes seconds under a 200 ms timeout, then a quick one, and prints what happened. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            String slowQuery = slowQuery(conn.backend());
            // tag::timeout[]
            conn.setStatementTimeout(Duration.ofSeconds(30));          // every statement of this connection
            try {
                conn.execute(ExecutionOptions.timeout(Duration.ofMillis(200)), slowQuery);   // this one only
            } catch (StatementTimeoutException e) {
                out.println(e.getMessage());        // statement cancelled after the 200 ms timeout [SQL: ...]
                conn.rollback();                    // PostgreSQL refuses further statements until then
            }
            // end::timeout[]
            out.println("connection timeout: " + conn.statementTimeout());
            out.println("still usable: " + conn.execute("SELECT 1 + 1").scalar());
            conn.commit();
        }
    }

    /** A query that runs for seconds on this database. */
    static String slowQuery(Backend backend) {
        return switch (backend) {
            case SQLITE -> "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 500000000) "
                    + "SELECT COUNT(*) FROM n";
            case POSTGRESQL -> "SELECT pg_sleep(10)";
            case MARIADB -> "SELECT SLEEP(10)";
        };
    }
}
