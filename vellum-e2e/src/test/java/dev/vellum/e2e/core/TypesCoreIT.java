package dev.vellum.e2e.core;

import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.currentTimestamp;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.length;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.text;
import static dev.vellum.sql.Sql.update;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.BOOLEAN;
import static dev.vellum.sql.SqlTypes.BYTES;
import static dev.vellum.sql.SqlTypes.DATE;
import static dev.vellum.sql.SqlTypes.DOUBLE;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.JSON;
import static dev.vellum.sql.SqlTypes.JSONB;
import static dev.vellum.sql.SqlTypes.REAL;
import static dev.vellum.sql.SqlTypes.SMALLINT;
import static dev.vellum.sql.SqlTypes.TEXT;
import static dev.vellum.sql.SqlTypes.TIME;
import static dev.vellum.sql.SqlTypes.TIMESTAMP;
import static dev.vellum.sql.SqlTypes.TIMESTAMP_TZ;
import static dev.vellum.sql.SqlTypes.UUID_TYPE;
import static dev.vellum.sql.SqlTypes.arrayOf;
import static dev.vellum.sql.SqlTypes.enumOf;
import static dev.vellum.sql.SqlTypes.numeric;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.NotSupportedException;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Insert;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;
import org.junit.jupiter.api.AfterEach;

/**
 * Every {@code SqlTypes} type through createAll, insert and select: {@code row.get(column)} gives back the value
 * as exactly the column's Java type. Also converters, server defaults and CHECK constraints.
 */
class TypesCoreIT {
    /** Emails stored as VARCHAR(100); defined before the tables that use it. */
    static final SqlType<Email> EMAIL = varchar(100).as(Email.class, Email::new, Email::value);
    private static final MetaData METADATA = new MetaData();
    private static final MetaData POSTGRES_ONLY = new MetaData();
    private static final AllTypes ALL = new AllTypes();
    private static final Defaults DEFAULTS = new Defaults();
    private static final Checked CHECKED = new Checked();
    private static final PgTypes PG = new PgTypes();

    /** Stored by name. */
    enum Color { RED, GREEN, BLUE }

    /** An address that the database stores as text. */
    record Email(String value) {
    }

    /** t_all: one column per type. */
    static final class AllTypes extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<Short> small = column("c_small", SMALLINT);
        final Column<Integer> integer = column("c_int", INTEGER);
        final Column<Long> big = column("c_big", BIGINT);
        final Column<Float> real = column("c_real", REAL);
        final Column<Double> dbl = column("c_double", DOUBLE);
        final Column<BigDecimal> decimal = column("c_numeric", numeric(12, 4));
        final Column<String> varchar = column("c_varchar", varchar(40));
        final Column<String> text = column("c_text", TEXT);
        final Column<Boolean> bool = column("c_bool", BOOLEAN);
        final Column<LocalDate> date = column("c_date", DATE);
        final Column<LocalTime> time = column("c_time", TIME);
        final Column<LocalDateTime> timestamp = column("c_timestamp", TIMESTAMP);
        final Column<OffsetDateTime> timestampTz = column("c_timestamptz", TIMESTAMP_TZ);
        final Column<UUID> uuid = column("c_uuid", UUID_TYPE);
        final Column<byte[]> bytes = column("c_bytes", BYTES);
        final Column<String> json = column("c_json", JSON);
        final Column<Color> color = column("c_color", enumOf(Color.class));
        final Column<Email> email = column("c_email", EMAIL);

        AllTypes() {
            super(METADATA, "t_all");
        }
    }

    /** t_defaults: a server default of every kind. */
    static final class Defaults extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<String> label = column("label", varchar(30)).serverDefault("it's \"new\"");
        final Column<Integer> count = column("n", INTEGER).notNull().serverDefault(42);
        final Column<Boolean> flag = column("flag", BOOLEAN).notNull().serverDefault(true);
        final Column<BigDecimal> rate = column("rate", numeric(5, 2)).serverDefault(new BigDecimal("1.25"));
        final Column<LocalDate> since = column("since", DATE).serverDefault(LocalDate.of(2000, 1, 31));
        final Column<Color> color = column("color", enumOf(Color.class)).serverDefault(Color.GREEN);
        final Column<Email> email = column("email", EMAIL).serverDefault(new Email("nobody@example.com"));
        final Column<LocalDateTime> created = column("created", TIMESTAMP).serverDefault(currentTimestamp());

        Defaults() {
            super(METADATA, "t_defaults");
        }
    }

    /** t_checked: CHECK constraints at table level. */
    static final class Checked extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<Integer> qty = column("qty", INTEGER).notNull();
        final Column<String> code = column("code", varchar(10)).notNull();
        final Column<Integer> low = column("low", INTEGER);
        final Column<Integer> high = column("high", INTEGER);

        Checked() {
            super(METADATA, "t_checked");
            check("ck_qty", qty.between(0, 100));
            check("ck_code", code.in("a", "b'c").or(length(code).ge(5)));
            check(null, low.le(high));
        }
    }

    /** t_pg: types only PostgreSQL has. */
    static final class PgTypes extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> doc = column("doc", JSONB);
        final Column<List<Integer>> numbers = column("numbers", arrayOf(INTEGER));
        final Column<List<String>> words = column("words", arrayOf(TEXT));

        PgTypes() {
            super(POSTGRES_ONLY, "t_pg");
        }
    }

    private static final String JSON_TEXT = "{\"a\": [1, 2.5, {\"b\": null}], \"s\": \"x'y\"}";
    private static final byte[] BYTES_VALUE = allBytes();
    private static final OffsetDateTime AT = OffsetDateTime.of(2024, 6, 30, 14, 0, 0, 654_321_000,
            ZoneOffset.ofHours(2));

    private Engine engine;

    @AfterEach
    void dropTables() {
        if (engine != null) {
            engine.dropAll(METADATA);
            engine.dropAll(POSTGRES_ONLY);
        }
    }

    private Engine engine(TestDatabase db) {
        engine = db.createEngine();
        engine.dropAll(METADATA);
        engine.createAll(METADATA);
        return engine;
    }

    private static byte[] allBytes() {
        var b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static Map<Column<?>, Object> fullRow(long id, UUID uuid) {
        var row = new HashMap<Column<?>, Object>();
        row.put(ALL.id, id);
        row.put(ALL.small, Short.MIN_VALUE);
        row.put(ALL.integer, Integer.MIN_VALUE);
        row.put(ALL.big, Long.MAX_VALUE);
        row.put(ALL.real, 3.14159f);
        row.put(ALL.dbl, Math.PI);
        row.put(ALL.decimal, new BigDecimal("12345678.1234"));
        row.put(ALL.varchar, "héllo 'quoted' \"double\" \\ back");
        row.put(ALL.text, "日本語 – 🎉🚀 – line\nbreak\ttab");
        row.put(ALL.bool, true);
        row.put(ALL.date, LocalDate.of(2024, 2, 29));
        row.put(ALL.time, LocalTime.of(23, 59, 58, 123_456_000));
        row.put(ALL.timestamp, LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000));
        row.put(ALL.timestampTz, AT);
        row.put(ALL.uuid, uuid);
        row.put(ALL.bytes, BYTES_VALUE);
        row.put(ALL.json, JSON_TEXT);
        row.put(ALL.color, Color.BLUE);
        row.put(ALL.email, new Email("ada@example.com"));
        return row;
    }

    private static void assertFullRow(Row row, long id, UUID uuid) {
        assertExactly(row, ALL.id, id);
        assertExactly(row, ALL.small, Short.MIN_VALUE);
        assertExactly(row, ALL.integer, Integer.MIN_VALUE);
        assertExactly(row, ALL.big, Long.MAX_VALUE);
        assertExactly(row, ALL.real, 3.14159f);
        assertExactly(row, ALL.dbl, Math.PI);
        assertThat(row.get(ALL.decimal)).isExactlyInstanceOf(BigDecimal.class).isEqualByComparingTo("12345678.1234");
        assertExactly(row, ALL.varchar, "héllo 'quoted' \"double\" \\ back");
        assertExactly(row, ALL.text, "日本語 – 🎉🚀 – line\nbreak\ttab");
        assertExactly(row, ALL.bool, true);
        assertExactly(row, ALL.date, LocalDate.of(2024, 2, 29));
        assertExactly(row, ALL.time, LocalTime.of(23, 59, 58, 123_456_000));
        assertExactly(row, ALL.timestamp, LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000));
        assertExactly(row, ALL.timestampTz, AT.withOffsetSameInstant(ZoneOffset.UTC));
        assertExactly(row, ALL.uuid, uuid);
        assertThat(row.get(ALL.bytes)).isExactlyInstanceOf(byte[].class).isEqualTo(BYTES_VALUE);
        assertExactly(row, ALL.color, Color.BLUE);
        assertExactly(row, ALL.email, new Email("ada@example.com"));
        assertThat(row.get(ALL.json)).isExactlyInstanceOf(String.class).contains("\"s\"").contains("x'y");
    }

    private static <T> void assertExactly(Row row, Column<T> column, T expected) {
        T actual = row.get(column);
        assertThat(actual).as(column.name()).isEqualTo(expected);
        assertThat(actual.getClass()).as(column.name() + "'s Java type").isEqualTo(expected.getClass());
    }

    @DatabaseTest
    void everyTypeRoundTripsAsItsJavaType(TestDatabase db) {
        var uuid = UUID.randomUUID();
        engine(db).useTransaction(conn -> {
            var single = insert(ALL);
            for (var e : fullRow(1L, uuid).entrySet()) {
                single = withValue(single, e.getKey(), e.getValue());
            }
            assertThat(conn.execute(single).rowCount()).isEqualTo(1);
            assertThat(conn.execute(insert(ALL), List.of(fullRow(2L, uuid), fullRow(3L, uuid))).rowCount())
                    .as("the same values through executeMany").isEqualTo(2);
            List<Row> returned = conn.execute(insert(ALL).returning(ALL.columns().toArray(Column<?>[]::new)),
                    List.of(fullRow(4L, uuid))).all();
            assertFullRow(returned.getFirst(), 4L, uuid);

            List<Row> rows = conn.execute(select(ALL).orderBy(ALL.id)).all();
            assertThat(rows).hasSize(4);
            for (int i = 0; i < rows.size(); i++) {
                assertFullRow(rows.get(i), i + 1L, uuid);
            }
            if (db.db() == TestDb.POSTGRESQL) {
                assertThat(rows.getFirst().get(ALL.json)).as("json keeps its text").isEqualTo(JSON_TEXT);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> Insert withValue(Insert insert, Column<T> column, Object value) {
        return insert.value(column, (T) value);
    }

    @DatabaseTest
    void valuesAreComparedAndNullsReadBackAsNull(TestDatabase db) {
        var uuid = UUID.randomUUID();
        engine(db).useTransaction(conn -> {
            conn.execute(insert(ALL), List.of(fullRow(1L, uuid)));
            conn.execute(insert(ALL).value(ALL.id, 2L));
            assertThat(conn.execute(select(ALL.id).where(ALL.uuid.eq(uuid))).one().get(ALL.id)).isEqualTo(1L);
            assertThat(conn.execute(select(ALL.id).where(ALL.color.eq(Color.BLUE))).one().get(ALL.id)).isEqualTo(1L);
            assertThat(conn.execute(select(ALL.id).where(ALL.email.eq(new Email("ada@example.com")))).one()
                    .get(ALL.id)).as("a converted value binds as its stored form").isEqualTo(1L);
            assertThat(conn.execute(select(ALL.id).where(ALL.date.lt(LocalDate.of(2024, 3, 1)))).one().get(ALL.id))
                    .isEqualTo(1L);
            assertThat(conn.execute(select(ALL.id).where(ALL.timestamp.between(LocalDateTime.of(2024, 2, 29, 0, 0),
                    LocalDateTime.of(2024, 3, 1, 0, 0)))).one().get(ALL.id)).isEqualTo(1L);
            assertThat(conn.execute(select(ALL.id).where(ALL.bool.eq(true))).one().get(ALL.id)).isEqualTo(1L);
            assertThat(conn.execute(select(ALL.id).where(ALL.decimal.eq(new BigDecimal("12345678.1234")))).one()
                    .get(ALL.id)).isEqualTo(1L);

            Row nulls = conn.execute(select(ALL).where(ALL.id.eq(2L))).one();
            for (Column<?> c : ALL.columns()) {
                if (c != ALL.id) {
                    assertThat(nulls.get(c)).as(c.name()).isNull();
                }
            }
            conn.execute(update(ALL).set(ALL.email, new Email("new@example.com")).set(ALL.color, Color.RED)
                    .set(ALL.json, "[]").where(ALL.id.eq(2L)));
            Row updated = conn.execute(select(ALL.email, ALL.color, ALL.json).where(ALL.id.eq(2L))).one();
            assertExactly(updated, ALL.email, new Email("new@example.com"));
            assertExactly(updated, ALL.color, Color.RED);
            assertThat(updated.get(ALL.json)).isEqualTo("[]");
            conn.execute(update(ALL).set(ALL.email, (Email) null).set(ALL.color, (Color) null).where(ALL.id.eq(1L)));
            Row cleared = conn.execute(select(ALL.email, ALL.color).where(ALL.id.eq(1L))).one();
            assertThat(cleared.get(ALL.email)).isNull();
            assertThat(cleared.get(ALL.color)).isNull();
        });
    }

    @DatabaseTest
    void anEnumValueOutsideTheEnumIsRefused(TestDatabase db) {
        engine(db);
        var bad = text("INSERT INTO t_all (id, c_color) VALUES (9, 'PINK')");
        if (db.db() == TestDb.MARIADB) {
            assertThatThrownBy(() -> engine.useTransaction(conn -> conn.execute(bad)))
                    .as("a native ENUM in strict mode").isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("c_color");
        } else {
            assertThatThrownBy(() -> engine.useTransaction(conn -> conn.execute(bad)))
                    .as("the CHECK written for the enum").isInstanceOf(IntegrityException.class);
        }
        engine.useTransaction(conn -> {
            conn.execute(text("INSERT INTO t_all (id, c_color) VALUES (9, 'GREEN')"));
            assertExactly(conn.execute(select(ALL.color).where(ALL.id.eq(9L))).one(), ALL.color, Color.GREEN);
        });
    }

    @DatabaseTest
    void serverDefaultsFillWhatTheInsertLeavesOut(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            conn.execute(insert(DEFAULTS));
            conn.execute(insert(DEFAULTS).value(DEFAULTS.label, "given").value(DEFAULTS.count, 1));
            List<Row> rows = conn.execute(select(DEFAULTS).orderBy(DEFAULTS.id)).all();
            Row defaults = rows.get(0);
            assertExactly(defaults, DEFAULTS.label, "it's \"new\"");
            assertExactly(defaults, DEFAULTS.count, 42);
            assertExactly(defaults, DEFAULTS.flag, true);
            assertThat(defaults.get(DEFAULTS.rate)).isEqualByComparingTo("1.25");
            assertExactly(defaults, DEFAULTS.since, LocalDate.of(2000, 1, 31));
            assertExactly(defaults, DEFAULTS.color, Color.GREEN);
            assertExactly(defaults, DEFAULTS.email, new Email("nobody@example.com"));
            assertThat(defaults.get(DEFAULTS.created)).isNotNull()
                    .isAfter(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
            assertExactly(rows.get(1), DEFAULTS.label, "given");
            assertExactly(rows.get(1), DEFAULTS.count, 1);
            assertExactly(rows.get(1), DEFAULTS.color, Color.GREEN);
        });
    }

    @DatabaseTest
    void checkConstraintsRefuseBadRows(TestDatabase db) {
        engine(db).useTransaction(conn -> conn.execute(insert(CHECKED)
                .columns(CHECKED.id, CHECKED.qty, CHECKED.code, CHECKED.low, CHECKED.high)
                .values(1L, 0, "a", 1, 2).values(2L, 100, "b'c", null, 5).values(3L, 50, "longer", 3, 3)));
        var bad = new ArrayList<Insert>();
        bad.add(insert(CHECKED).value(CHECKED.id, 10L).value(CHECKED.qty, 101).value(CHECKED.code, "a"));
        bad.add(insert(CHECKED).value(CHECKED.id, 11L).value(CHECKED.qty, -1).value(CHECKED.code, "a"));
        bad.add(insert(CHECKED).value(CHECKED.id, 12L).value(CHECKED.qty, 1).value(CHECKED.code, "bc"));
        bad.add(insert(CHECKED).value(CHECKED.id, 13L).value(CHECKED.qty, 1).value(CHECKED.code, "a")
                .value(CHECKED.low, 5).value(CHECKED.high, 4));
        for (var insert : bad) {
            assertThatThrownBy(() -> engine.useTransaction(conn -> conn.execute(insert)))
                    .isInstanceOf(IntegrityException.class);
        }
        engine.useTransaction(conn -> assertThat(conn.execute(select(CHECKED.id).from(CHECKED)).all()).hasSize(3));
    }

    @DatabaseTest
    void jsonbAndArraysOnPostgresOnly(TestDatabase db) {
        engine(db);
        if (db.db() != TestDb.POSTGRESQL) {
            assertThatThrownBy(() -> engine.createAll(POSTGRES_ONLY)).isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining(db.db() == TestDb.MARIADB ? "MariaDB" : "SQLite");
            return;
        }
        engine.createAll(POSTGRES_ONLY);
        engine.useTransaction(conn -> {
            conn.execute(insert(PG).value(PG.id, 1L).value(PG.doc, "{\"b\": 1, \"a\": [true, null]}")
                    .value(PG.numbers, List.of(3, 1, 2)).value(PG.words, List.of("x", "y'z", "")));
            conn.execute(insert(PG).value(PG.id, 2L).value(PG.numbers, List.of()));
            Row row = conn.execute(select(PG).where(PG.id.eq(1L))).one();
            assertThat(row.get(PG.doc)).as("jsonb normalises its text").isEqualTo("{\"a\": [true, null], \"b\": 1}");
            assertThat(row.get(PG.numbers)).containsExactly(3, 1, 2);
            assertThat(row.get(PG.numbers).getFirst()).isExactlyInstanceOf(Integer.class);
            assertThat(row.get(PG.words)).containsExactly("x", "y'z", "");
            Row empty = conn.execute(select(PG).where(PG.id.eq(2L))).one();
            assertThat(empty.get(PG.numbers)).isEmpty();
            assertThat(empty.get(PG.doc)).isNull();
            assertThat(empty.get(PG.words)).isNull();
            assertThat(conn.execute(select(PG.id).where(PG.numbers.eq(List.of(3, 1, 2)))).one().get(PG.id))
                    .isEqualTo(1L);
            var asJsonb = bind("{\"k\": 2}", JSONB).as("j");
            assertThat(conn.execute(select(asJsonb)).one().get(asJsonb)).isEqualTo("{\"k\": 2}");
        });
    }
}
