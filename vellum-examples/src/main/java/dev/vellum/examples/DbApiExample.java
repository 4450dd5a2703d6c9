package dev.vellum.examples;

import java.io.PrintStream;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Row;
import dev.vellum.engine.Vellum;

/**
 * The tutorial's DB-API (sqlite3) example in Vellum: connect, insert with {@code ?} binds, query, print each row
 * as a tuple. The same code runs on PostgreSQL and MariaDB URLs.
 */
public final class DbApiExample {
    private DbApiExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Recreates the {@code users} table on {@code url}, inserts Alice and prints the users older than 18. */
    public static void run(String url, PrintStream out) {
        // tag::dbapi[]
        try (var conn = Vellum.connect(url)) {                     // e.g. "sqlite:///app.db"
            createUsers(conn);                                     // DROP and CREATE TABLE users (id, name, age)
            conn.execute("INSERT INTO users (name, age) VALUES (?, ?)", "Alice", 30);
            for (Row row : conn.execute("SELECT id, name FROM users WHERE age > ?", 18)) {
                out.println(row);                                  // (1, 'Alice')
            }
            conn.commit();                                         // close() without commit() rolls back
        }
        // end::dbapi[]
    }

    /** Drops and creates {@code users (id, name, age)}, with the key column this database needs. */
    static void createUsers(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS users");
        conn.execute("CREATE TABLE users (id " + Ddl.key(conn.backend())
                + ", name VARCHAR(50) NOT NULL, age INTEGER)");
        conn.commit();
    }
}
