package dev.vellum.examples;

import java.io.PrintStream;
import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Result;
import dev.vellum.engine.Row;
import dev.vellum.engine.Vellum;
import dev.vellum.error.InvalidResultException;

/**
 * The {@link Result} API: {@code one}, {@code oneOrNull}, {@code first}, {@code scalar} and {@code all} read what
 * they need and close the result; {@code fetchMany} and {@code partitions} read in batches; {@code columns},
 * {@code returnsRows} and {@code rowCount} describe the statement's outcome.
 */
public final class ResultExample {
    private ResultExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Reads a five-row {@code books} table in every way the API offers and prints what each call returned. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            createBooks(conn);
            // tag::result[]
            Row dune = conn.execute("SELECT id, title FROM books WHERE title = ?", "Dune").one();
            Row none = conn.execute("SELECT id FROM books WHERE title = ?", "Ulysses").oneOrNull();   // null
            Row oldest = conn.execute("SELECT title, year FROM books ORDER BY year").first();
            long count = conn.execute("SELECT COUNT(*) FROM books").scalar(Long.class);
            List<Row> all = conn.execute("SELECT title FROM books ORDER BY title").all();
            try {
                conn.execute("SELECT id FROM books").one();
            } catch (InvalidResultException e) {
                out.println(e.getMessage());           // expected exactly one row, got more than one
            }
            // end::result[]
            out.println("one: " + dune + ", oneOrNull: " + none + ", first: " + oldest);
            out.println("scalar: " + count + ", all: " + all);

            // tag::fetch-many[]
            Result result = conn.execute("SELECT title FROM books ORDER BY id");
            List<Row> firstTwo = result.fetchMany(2);
            List<Row> rest = result.fetchMany(100);       // reads to the end, which closes the result
            for (List<Row> batch : conn.execute("SELECT id FROM books ORDER BY id").partitions(2)) {
                out.println("batch of " + batch.size());  // 2, 2, 1
            }
            // end::fetch-many[]
            out.println("fetchMany: " + firstTwo + " then " + rest);

            // tag::row-count[]
            Result update = conn.execute("UPDATE books SET year = year + 1 WHERE year < ?", 1970);
            out.println(update.returnsRows() + " " + update.rowCount());   // false 2
            Result query = conn.execute("SELECT id, title AS name FROM books");
            out.println(query.returnsRows() + " " + query.columns());      // true [id, name]
            query.close();                                                 // not read to the end: close it
            // end::row-count[]
            conn.commit();
        }
    }

    private static void createBooks(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS books");
        conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL, year INTEGER)");
        conn.executeMany("INSERT INTO books (id, title, year) VALUES (?, ?, ?)", List.of(
                List.of(1, "Dune", 1965), List.of(2, "Neuromancer", 1984), List.of(3, "Solaris", 1961),
                List.of(4, "Hyperion", 1989), List.of(5, "Kindred", 1979)));
        conn.commit();
    }
}
