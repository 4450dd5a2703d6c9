package dev.vellum.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.UUID;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Row;
import dev.vellum.engine.Vellum;

/**
 * Rows and value types: what {@code row.get(i)} returns on each database, and {@code row.get(i, Type.class)},
 * which converts to the type asked for. Integers are {@code Long} everywhere; SQLite returns what it stores
 * (text for dates, 0/1 for booleans), so ask for the type there.
 */
public final class TypesExample {
    private TypesExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Writes one row of every supported type to {@code items} and prints it untyped and typed. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            createItems(conn);
            conn.execute("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 1, "Lamp", new BigDecimal("19.90"),
                    0.25, true, LocalDate.of(2024, 5, 1), LocalTime.of(9, 30), LocalDateTime.of(2024, 5, 1, 9, 30, 15),
                    UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), new byte[] {1, 2, 3});
            conn.commit();
            Row row = conn.execute("SELECT * FROM items").one();
            out.println(row);
            for (String column : row.columns()) {
                Object value = row.get(column);
                out.println(column + ": " + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            // tag::types[]
            long id = row.get("id", Long.class);                        // integers: Long on every database
            BigDecimal price = row.get("price", BigDecimal.class);      // DECIMAL
            double weight = row.get("weight", Double.class);
            boolean active = row.get("active", Boolean.class);          // SQLite stores 0/1
            LocalDate added = row.get("added", LocalDate.class);        // SQLite stores ISO text
            LocalTime opens = row.get("opens", LocalTime.class);
            LocalDateTime seen = row.get("seen", LocalDateTime.class);
            UUID token = row.get("token", UUID.class);                  // native UUID, or text on SQLite
            byte[] data = row.get("data", byte[].class);
            // end::types[]
            out.println("typed: " + id + " " + price.setScale(2) + " " + weight + " " + active + " " + added + " "
                    + opens + " " + seen + " " + token + " " + HexFormat.of().formatHex(data));
            conn.commit();
        }
    }

    private static void createItems(Connection conn) {
        var b = conn.backend();
        conn.execute("DROP TABLE IF EXISTS items");
        conn.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(50), price DECIMAL(10, 2), "
                + "weight DOUBLE PRECISION, active BOOLEAN, added DATE, opens TIME, seen " + Ddl.timestamp(b)
                + ", token " + Ddl.uuid(b) + ", data " + Ddl.blob(b) + ")");
        conn.commit();
    }
}
