package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.vellum.engine.Row;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/** Every supported Java type goes in as a bind and comes back equal, typed and untyped, on every database. */
class TypesIT {
    private static final BigDecimal DECIMAL = new BigDecimal("12345.678901");
    private static final String UNICODE = "héllo wörld – 日本語 – 🎉🚀👍🏽 – \uD834\uDD1E";
    private static final LocalDate DATE = LocalDate.of(2024, 2, 29);
    private static final LocalTime TIME = LocalTime.of(23, 59, 58, 123_456_000);
    private static final LocalDateTime TIMESTAMP = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
    private static final Instant INSTANT = Instant.parse("2024-06-30T12:00:00.654321Z");

    private static byte[] allBytes() {
        var b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @DatabaseTest
    void everyTypeRoundTrips(TestDatabase db) {
        var uuid = UUID.randomUUID();
        try (var conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE types_rt (id INTEGER PRIMARY KEY, big BIGINT, small INTEGER,"
                    + " amount DECIMAL(20, 6), dbl {double}, txt {text}, bin {blob}, flag {bool}, d DATE, t {time},"
                    + " ts {timestamp}, tz {timestamptz}, u {uuid})"));
            String insert = "INSERT INTO types_rt VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            conn.execute(insert, 1, Long.MAX_VALUE, -42, DECIMAL, Math.PI, UNICODE, allBytes(), true, DATE, TIME,
                    TIMESTAMP, INSTANT, uuid);
            conn.execute(insert, 2, Long.MIN_VALUE, 0, BigDecimal.ZERO, -0.5, "", new byte[0], false, DATE, TIME,
                    TIMESTAMP, INSTANT.atOffset(ZoneOffset.ofHours(5)), uuid);
            conn.execute(insert, 3, null, null, null, null, null, null, null, null, null, null, null, null);
            conn.commit();

            Row row = conn.execute("SELECT * FROM types_rt WHERE id = ?", 1).one();
            assertThat(row.get("big", Long.class)).isEqualTo(Long.MAX_VALUE);
            assertThat(row.get("small", Integer.class)).isEqualTo(-42);
            assertThat(row.get("amount", BigDecimal.class)).isEqualByComparingTo(DECIMAL);
            assertThat(row.get("dbl", Double.class)).isEqualTo(Math.PI);
            assertThat(row.get("txt", String.class)).isEqualTo(UNICODE);
            assertThat(row.get("bin", byte[].class)).isEqualTo(allBytes());
            assertThat(row.get("flag", Boolean.class)).isTrue();
            assertThat(row.get("d", LocalDate.class)).isEqualTo(DATE);
            assertThat(row.get("t", LocalTime.class)).isEqualTo(TIME);
            assertThat(row.get("ts", LocalDateTime.class)).isEqualTo(TIMESTAMP);
            assertThat(row.get("tz", Instant.class)).isEqualTo(INSTANT);
            assertThat(row.get("tz", OffsetDateTime.class)).isEqualTo(INSTANT.atOffset(ZoneOffset.UTC));
            assertThat(row.get("u", UUID.class)).isEqualTo(uuid);

            Row second = conn.execute("SELECT * FROM types_rt WHERE id = ?", 2).one();
            assertThat(second.get("big")).isEqualTo(Long.MIN_VALUE);
            assertThat(second.get("flag", Boolean.class)).isFalse();
            assertThat(second.get("txt")).isEqualTo("");
            assertThat(second.get("tz", Instant.class)).as("offsets are normalised to UTC").isEqualTo(INSTANT);

            Row nulls = conn.execute("SELECT * FROM types_rt WHERE id = ?", 3).one();
            for (int i = 1; i < nulls.size(); i++) {
                assertThat(nulls.get(i)).as(nulls.columns().get(i)).isNull();
                assertThat(nulls.get(i, String.class)).isNull();
            }
        }
    }

    @DatabaseTest
    void untypedValuesAreNormalised(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE types_raw (i INTEGER, b BIGINT, amount DECIMAL(10, 2), dbl {double},"
                    + " txt {text}, bin {blob}, flag {bool}, d DATE, ts {timestamp})"));
            conn.execute("INSERT INTO types_raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", 7, 8L, new BigDecimal("9.50"),
                    1.25, "x", new byte[] {1}, true, DATE, TIMESTAMP);
            Row row = conn.execute("SELECT * FROM types_raw").one();
            assertThat(row.get("i")).isEqualTo(7L);
            assertThat(row.get("b")).isEqualTo(8L);
            assertThat(row.get("dbl")).isEqualTo(1.25);
            assertThat(row.get("txt")).isEqualTo("x");
            assertThat(row.get("bin")).isEqualTo(new byte[] {1});
            if (db.db() == TestDb.SQLITE) {
                assertThat(row.get("flag")).as("SQLite stores booleans as 0/1").isEqualTo(1L);
                assertThat(row.get("d")).as("SQLite stores dates as ISO text").isEqualTo("2024-02-29");
                assertThat(row.get("ts")).isEqualTo("2024-02-29 23:59:58.123456");
            } else {
                assertThat(row.get("amount")).isEqualTo(new BigDecimal("9.50"));
                assertThat(row.get("flag")).isEqualTo(true);
                assertThat(row.get("d")).isEqualTo(DATE);
                assertThat(row.get("ts")).isEqualTo(TIMESTAMP);
            }
            assertThat(conn.execute("SELECT COUNT(*) FROM types_raw").scalar()).isEqualTo(1L);
            conn.rollback();
        }
    }
}
