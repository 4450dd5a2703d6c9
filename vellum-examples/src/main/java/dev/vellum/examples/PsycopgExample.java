package dev.vellum.examples;

import java.io.PrintStream;

import dev.vellum.engine.Row;
import dev.vellum.engine.Vellum;

/**
 * The tutorial's psycopg example in Vellum: a PostgreSQL URL, a query with a bind, each row unpacked into an id
 * and a name. There is no cursor object: {@code execute} returns the rows. Runs on any URL.
 */
public final class PsycopgExample {
    private PsycopgExample() {
    }

    /** Runs on the URL given as first argument, by default the local PostgreSQL {@code test} database. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "postgresql://postgres@127.0.0.1:5432/test", System.out);
    }

    /** Writes two users in one connection, then reads them back in another, printing {@code id name} lines. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            DbApiExample.createUsers(conn);
            conn.execute("INSERT INTO users (name, age) VALUES (?, ?), (?, ?)", "Alice", 30, "Tim", 12);
            conn.commit();
        }
        // tag::psycopg[]
        try (var conn = Vellum.connect(url)) {             // e.g. "postgresql://user:pass@localhost/mydb"
            for (Row row : conn.execute("SELECT id, name FROM users WHERE age > ?", 18)) {
                long uid = row.get(0, Long.class);
                String name = row.get("name", String.class);
                out.println(uid + " " + name);             // 1 Alice
            }
        }
        // end::psycopg[]
    }
}
