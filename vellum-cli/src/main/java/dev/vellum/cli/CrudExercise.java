package dev.vellum.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Row;

/**
 * Exercise 1 of the tutorial: a {@code tasks} table created, tasks inserted, listed, marked done and deleted,
 * every value passed as a bind, each step printed.
 */
final class CrudExercise {
    private final Connection conn;
    private final PrintWriter out;

    CrudExercise(Connection conn, PrintWriter out) {
        this.conn = conn;
        this.out = out;
    }

    void run() {
        out.println("Exercise 1: CRUD with parameterised queries");
        conn.execute("DROP TABLE IF EXISTS tasks");
        conn.execute("CREATE TABLE tasks (id " + Ddl.autoIncrementKey(conn.backend())
                + ", title VARCHAR(200) NOT NULL, done BOOLEAN NOT NULL DEFAULT FALSE)");
        conn.commit();
        out.println("  created table tasks");

        for (String title : List.of("Write the README", "Ship Vellum 0.1", "Robert'); DROP TABLE tasks;--")) {
            long id = conn.execute("INSERT INTO tasks (title) VALUES (?) RETURNING id", title).scalar(Long.class);
            out.println("  inserted task " + id + ": " + title);
        }
        conn.commit();
        list("  tasks:");

        Row first = conn.execute("SELECT id, title FROM tasks ORDER BY id").first();
        long updated = conn.execute("UPDATE tasks SET done = :done WHERE id = :id",
                Map.of("done", true, "id", first.get("id"))).rowCount();
        conn.commit();
        out.println("  marked task " + first.get("id") + " done (" + updated + " row)");

        long deleted = conn.execute("DELETE FROM tasks WHERE title = ?", "Ship Vellum 0.1").rowCount();
        conn.commit();
        out.println("  deleted 'Ship Vellum 0.1' (" + deleted + " row)");
        list("  tasks now:");
        out.println("  the hostile title was stored as text: the table still has "
                + conn.execute("SELECT COUNT(*) FROM tasks").scalar() + " rows");
    }

    private void list(String heading) {
        out.println(heading);
        for (Row row : conn.execute("SELECT id, title, done FROM tasks ORDER BY id")) {
            out.printf("    [%s] %d %s%n", row.get("done", Boolean.class) ? "x" : " ", row.get("id", Long.class),
                    row.get("title"));
        }
    }
}
