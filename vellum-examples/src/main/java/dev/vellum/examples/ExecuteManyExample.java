package dev.vellum.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Vellum;

/**
 * {@code executeMany}: one statement run for many rows of binds, batched by the driver. Rows are {@code Object[]}
 * or {@code List} for {@code ?} binds, {@code Map} for {@code :name} binds. The return value is the total number
 * of rows changed, or -1 when the driver does not report it (PostgreSQL, whose driver rewrites batched inserts
 * into multi-row {@code INSERT}s).
 */
public final class ExecuteManyExample {
    private ExecuteManyExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Inserts and updates {@code players} in batches and prints the counts. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            createPlayers(conn);
            // tag::execute-many[]
            long inserted = conn.executeMany("INSERT INTO players (name, score) VALUES (?, ?)", List.of(
                    new Object[] {"Alice", 30},
                    List.of("Bob", 25),
                    new Object[] {"Carol", 41}));
            long updated = conn.executeMany("UPDATE players SET score = score + :bonus WHERE name = :name", List.of(
                    Map.of("name", "Alice", "bonus", 5),
                    Map.of("name", "Bob", "bonus", 10)));
            conn.commit();
            out.println("inserted " + inserted + ", updated " + updated);   // inserted 3, updated 2
            // end::execute-many[]

            var many = new ArrayList<Object[]>();
            for (int i = 1; i <= 10_000; i++) {
                many.add(new Object[] {"bot-" + i, i % 100});
            }
            conn.executeMany("INSERT INTO players (name, score) VALUES (?, ?)", many);
            conn.commit();
            out.println("players: " + conn.execute("SELECT COUNT(*) FROM players").scalar());
            out.println("top: " + conn.execute("SELECT name, score FROM players ORDER BY score DESC, name").first());
            conn.commit();
        }
    }

    private static void createPlayers(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS players");
        conn.execute("CREATE TABLE players (name VARCHAR(50) PRIMARY KEY, score INTEGER NOT NULL)");
        conn.commit();
    }
}
