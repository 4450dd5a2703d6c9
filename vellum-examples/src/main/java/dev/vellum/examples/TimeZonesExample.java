package dev.vellum.examples;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Row;
import dev.vellum.engine.Vellum;

/**
 * The time-zone rules. An {@code Instant}, {@code OffsetDateTime} or {@code ZonedDateTime} bind is stored as UTC:
 * PostgreSQL {@code timestamptz} keeps the instant, MariaDB {@code DATETIME} and SQLite text keep its UTC wall
 * time, and {@code get(i, Instant.class)} reads the same instant back everywhere. A {@code LocalDateTime} is
 * stored as written, with no conversion. The JVM's and the server's time zones play no part.
 */
public final class TimeZonesExample {
    private TimeZonesExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Stores one meeting two ways and prints what each column reads back as. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            createMeetings(conn);
            // tag::time-zones[]
            var paris = ZonedDateTime.of(2024, 5, 1, 12, 30, 0, 0, ZoneId.of("Europe/Paris"));
            conn.execute("INSERT INTO meetings (id, starts_at, local_start) VALUES (?, ?, ?)",
                    1, paris, paris.toLocalDateTime());
            Row row = conn.execute("SELECT starts_at, local_start FROM meetings WHERE id = ?", 1).one();
            Instant startsAt = row.get("starts_at", Instant.class);                  // 2024-05-01T10:30:00Z
            LocalDateTime localStart = row.get("local_start", LocalDateTime.class);  // 2024-05-01T12:30
            // end::time-zones[]
            out.println("instant: " + startsAt);
            out.println("local: " + localStart);
            Object raw = row.get("starts_at");
            out.println("stored: " + raw.getClass().getSimpleName() + " " + raw);
            long found = conn.execute("SELECT COUNT(*) FROM meetings WHERE starts_at = ?",
                    Instant.parse("2024-05-01T10:30:00Z")).scalar(Long.class);
            out.println("found by instant: " + found);
            conn.commit();
        }
    }

    private static void createMeetings(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS meetings");
        conn.execute("CREATE TABLE meetings (id INTEGER PRIMARY KEY, starts_at " + Ddl.instant(conn.backend())
                + ", local_start " + Ddl.timestamp(conn.backend()) + ")");
        conn.commit();
    }
}
