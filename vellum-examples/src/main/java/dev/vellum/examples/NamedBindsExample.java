package dev.vellum.examples;

import java.io.PrintStream;
import java.util.Map;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Row;
import dev.vellum.engine.Vellum;
import dev.vellum.error.ProgrammingException;

/**
 * Named binds: {@code :name} placeholders filled from a {@code Map}. A name may appear several times; a missing
 * or an extra name is a {@link ProgrammingException} raised before anything is sent to the database.
 */
public final class NamedBindsExample {
    private NamedBindsExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Queries a small {@code members} table with named binds and prints the rows and the two errors. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            createMembers(conn);
            // tag::named-binds[]
            var params = Map.of("city", "Lyon", "age", 30);
            for (Row row : conn.execute("""
                    SELECT name, age FROM members
                    WHERE city = :city AND age BETWEEN :age - 5 AND :age + 5
                    ORDER BY name""", params)) {
                out.println(row);                          // ('Ana', 28) then ('Marc', 34)
            }
            try {
                conn.execute("SELECT * FROM members WHERE name = :name", Map.of("nmae", "Ana"));
            } catch (ProgrammingException e) {
                out.println(e.getMessage());               // no value for bind :name [SQL: ...]
            }
            // end::named-binds[]
            try {
                conn.execute("SELECT * FROM members WHERE name = :name", Map.of("name", "Ana", "age", 28));
            } catch (ProgrammingException e) {
                out.println(e.getMessage());
            }
            conn.commit();
        }
    }

    private static void createMembers(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS members");
        conn.execute("CREATE TABLE members (name VARCHAR(50) PRIMARY KEY, city VARCHAR(50), age INTEGER)");
        conn.execute("INSERT INTO members (name, city, age) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?), (?, ?, ?)",
                "Ana", "Lyon", 28, "Marc", "Lyon", 34, "Zoe", "Lyon", 52, "Paul", "Nantes", 30);
        conn.commit();
    }
}
