package dev.vellum.e2e.core;

import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.upper;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.BOOLEAN;
import static dev.vellum.sql.SqlTypes.BYTES;
import static dev.vellum.sql.SqlTypes.DATE;
import static dev.vellum.sql.SqlTypes.DOUBLE;
import static dev.vellum.sql.SqlTypes.TEXT;
import static dev.vellum.sql.SqlTypes.TIMESTAMP;
import static dev.vellum.sql.SqlTypes.TIMESTAMP_TZ;
import static dev.vellum.sql.SqlTypes.UUID_TYPE;
import static dev.vellum.sql.SqlTypes.enumOf;
import static dev.vellum.sql.SqlTypes.numeric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;

import dev.vellum.engine.Connection;
import dev.vellum.engine.CopyIn;
import dev.vellum.engine.CopyOut;
import dev.vellum.engine.Engine;
import dev.vellum.engine.ExecutionOptions;
import dev.vellum.engine.Result;
import dev.vellum.engine.Row;
import dev.vellum.error.DataException;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.NotSupportedException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL COPY through {@code conn.copyIn} / {@code conn.copyOut}: typed rows in and out, hostile text and NULLs,
 * all-or-nothing failures that leave the connection usable, exports of Core queries; and the clear refusal on the
 * databases that have no COPY.
 */
class CopyIT {
    private static final MetaData METADATA = new MetaData();
    private static final Items ITEMS = new Items();
    private static final int MANY = 50_000;

    /** A value the database does not know, stored as text through a converter. */
    record Tag(String value) {
    }

    enum Mood { CALM, GLAD, CROSS }

    /** A row of the exported query, mapped by column name. */
    record Shout(long id, String shout, Mood mood) {
    }

    /** copy_items: one column per kind of value COPY must carry. */
    static final class Items extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> name = column("name", TEXT).notNull();
        final Column<String> note = column("note", TEXT);
        final Column<BigDecimal> price = column("price", numeric(14, 4));
        final Column<Double> ratio = column("ratio", DOUBLE);
        final Column<Boolean> active = column("active", BOOLEAN);
        final Column<LocalDateTime> createdAt = column("created_at", TIMESTAMP);
        final Column<OffsetDateTime> seenAt = column("seen_at", TIMESTAMP_TZ);
        final Column<LocalDate> day = column("day", DATE);
        final Column<UUID> token = column("token", UUID_TYPE);
        final Column<byte[]> payload = column("payload", BYTES);
        final Column<Mood> mood = column("mood", enumOf(Mood.class));
        final Column<Tag> tag = column("tag", TEXT.as(Tag.class, Tag::new, Tag::value));

        Items() {
            super(METADATA, "copy_items");
        }

        Column<?>[] all() {
            return columns().toArray(Column<?>[]::new);
        }
    }

    /** Strings that break naive COPY text: every escape, the NULL and end markers, quotes, Unicode. */
    private static final List<String> HOSTILE = List.of(
            "plain", "", " ", "tab\there", "new\nline", "cr\rlf\r\n", "back\\slash", "\\", "ends with \\",
            "\\N", "N", "NULL", "\\.", ".", "\\x41\\101", "quote's \"double\" `back`", "comma,semi;colon|pipe",
            "control \u0001\u0008\u000b\u000c\u001f\u007f", "żółć Ωμέγα 日本語 \uD83C\uDF89 emoji", "\t\n\r\\ \t");

    /** Longer than the 64 KB COPY buffer, with escapes on both sides of the boundary. */
    private static final String HUGE = "x\\".repeat(30_000) + "\n" + "y\t".repeat(30_000);

    private Engine engine;

    @AfterEach
    void dropTables() {
        if (engine != null) {
            engine.dropAll(METADATA);
        }
    }

    private Engine engine(TestDatabase db) {
        engine = db.createEngine();
        engine.dropAll(METADATA);
        engine.createAll(METADATA);
        return engine;
    }

    /** Row {@code i} of the big data set: deterministic, with NULLs and hostile values spread over the columns. */
    private static Object[] row(int i) {
        var base = LocalDateTime.of(2024, 2, 29, 23, 59, 58);
        LocalDateTime created = switch (i % 1000) {
            case 1 -> LocalDateTime.of(-43, 3, 15, 12, 0); // 44 BC
            case 2 -> LocalDateTime.MAX;                   // infinity
            case 3 -> null;
            default -> base.plusSeconds(i).plusNanos((i % 1_000_000) * 1_000L);
        };
        double ratio = switch (i % 11) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> -0.0;
            case 3 -> 1e-300;
            default -> i / 7.0;
        };
        var payload = new byte[i % 9];
        for (int b = 0; b < payload.length; b++) {
            payload[b] = (byte) "\\\t\n\r\0N.x\u00ff".charAt((i + b) % 9);
        }
        return new Object[] {
            (long) i,
            i % 10_000 == 4 ? HUGE : HOSTILE.get(i % HOSTILE.size()) + (i % 5 == 0 ? "" : " #" + i),
            i % 7 == 0 ? null : HOSTILE.get((i * 31) % HOSTILE.size()),
            i % 13 == 0 ? null : BigDecimal.valueOf((i % 2 == 0 ? 1 : -1) * (long) i * 12_345, 4),
            i % 17 == 0 ? null : ratio,
            i % 3 == 0 ? null : i % 3 == 1,
            created,
            i % 19 == 0 ? null : OffsetDateTime.of(2001, 9, 9, 1, 46, 40, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30))
                    .plusMinutes(i).withOffsetSameInstant(ZoneOffset.UTC),
            i % 23 == 0 ? null : LocalDate.of(1999, 12, 31).plusDays(i % 4000),
            i % 29 == 0 ? null : new UUID(i * 0x9E3779B97F4A7C15L, ~i),
            i % 31 == 0 ? null : payload,
            i % 37 == 0 ? null : Mood.values()[i % 3],
            i % 41 == 0 ? null : new Tag("tag\t" + i)
        };
    }

    /** The NotSupportedException a database without COPY answers, naming itself. */
    private static void assertNoCopy(TestDatabase db) {
        String name = db.db() == TestDb.SQLITE ? "SQLite" : "MariaDB";
        try (Engine e = db.createEngine(); Connection conn = e.connect()) {
            assertThatThrownBy(() -> conn.copyIn(ITEMS, ITEMS.id, ITEMS.name))
                    .isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining("COPY is PostgreSQL's").hasMessageContaining(name)
                    .hasMessageContaining("conn.execute(insert(table), rows)");
            assertThatThrownBy(() -> conn.copyOut(ITEMS))
                    .isInstanceOf(NotSupportedException.class).hasMessageContaining(name);
            assertThatThrownBy(() -> conn.copyOut(select(ITEMS.id)))
                    .isInstanceOf(NotSupportedException.class).hasMessageContaining(name);
            assertThat(conn.execute("SELECT 1").scalar(Long.class)).isEqualTo(1L);
        }
    }

    @DatabaseTest
    void otherDatabasesSayCopyIsPostgresOnly(TestDatabase db) {
        if (db.db() == TestDb.POSTGRESQL) {
            engine(db);
            try (Connection conn = engine.connect(); CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name)) {
                copy.writeRow(1L, "only PostgreSQL has COPY");
            }
            return;
        }
        assertNoCopy(db);
    }

    @DatabaseTest
    void fiftyThousandTypedRowsGoInAndComeBackExactly(TestDatabase db) {
        if (db.db() != TestDb.POSTGRESQL) {
            assertNoCopy(db);
            return;
        }
        engine(db);
        try (Connection conn = engine.connect()) {
            CopyIn copy = conn.copyIn(ITEMS, ITEMS.all());
            try (copy) {
                copy.writeRow(row(0));
                copy.writeRows(() -> new Iterator<>() {
                    private int next = 1;

                    @Override
                    public boolean hasNext() {
                        return next < MANY;
                    }

                    @Override
                    public Object[] next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return row(next++);
                    }
                });
                assertThatThrownBy(copy::rowCount).isInstanceOf(InterfaceException.class);
                assertThatThrownBy(() -> conn.execute("SELECT 1")).isInstanceOf(InterfaceException.class)
                        .hasMessageContaining("COPY is in progress");
            }
            assertThat(copy.rowCount()).isEqualTo(MANY);
            conn.commit();

            // read back through plain JDBC, so the check does not depend on Vellum's COPY parser
            try (Result result = conn.execute(ExecutionOptions.stream(2_000), select(ITEMS.all()).orderBy(ITEMS.id))) {
                int i = 0;
                for (Row r : result) {
                    assertRow(r, row(i), i);
                    i++;
                }
                assertThat(i).isEqualTo(MANY);
            }

            // and through COPY out, in table order and as a Core query
            try (CopyOut out = conn.copyOut(select(ITEMS.all()).orderBy(ITEMS.id))) {
                assertThat(out.columns()).containsExactly("id", "name", "note", "price", "ratio", "active",
                        "created_at", "seen_at", "day", "token", "payload", "mood", "tag");
                int i = 0;
                for (Row r : out) {
                    assertRow(r, row(i), i);
                    i++;
                }
                assertThat(i).isEqualTo(MANY);
                assertThat(out.rowCount()).isEqualTo(MANY);
            }
            long seen = 0;
            try (CopyOut out = conn.copyOut(ITEMS)) {
                for (Row r : out) {
                    int i = Math.toIntExact(r.get(ITEMS.id));
                    assertRow(r, row(i), i);
                    seen++;
                }
            }
            assertThat(seen).isEqualTo(MANY);
            assertThat(conn.execute(select(count()).from(ITEMS)).scalar(Long.class)).isEqualTo(MANY);
        }
    }

    private static void assertRow(Row r, Object[] expected, int i) {
        List<Column<?>> columns = ITEMS.columns();
        for (int c = 0; c < columns.size(); c++) {
            Object actual = r.get(columns.get(c));
            if (!Objects.deepEquals(actual, expected[c])) { // AssertJ only on a mismatch: 650,000 values per pass
                assertThat(actual).as("row %d, column %s", i, columns.get(c)).isEqualTo(expected[c]);
            }
        }
    }

    @DatabaseTest
    void aFailureMidCopyStoresNothingAndKeepsTheTransactionUsable(TestDatabase db) {
        if (db.db() != TestDb.POSTGRESQL) {
            assertNoCopy(db);
            return;
        }
        engine(db);
        try (Connection conn = engine.connect()) {
            conn.execute(insert(ITEMS).value(ITEMS.id, -1L).value(ITEMS.name, "before the COPY"));

            // the server refuses row 30,000 (NOT NULL); pgjdbc reads the refusal when the COPY ends, at close()
            assertThatThrownBy(() -> {
                try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name)) {
                    for (long i = 0; i < 40_000; i++) {
                        copy.writeRow(i, i == 30_000 ? null : "row " + i);
                    }
                }
            }).isInstanceOf(IntegrityException.class).hasMessageContaining("name");
            assertThat(stored(conn)).as("the savepoint kept the earlier insert, the COPY left nothing").isEqualTo(1);

            // a duplicate key, found at the end
            assertThatThrownBy(() -> {
                try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name)) {
                    copy.writeRow(1L, "one");
                    copy.writeRow(-1L, "clashes with the row before the COPY");
                }
            }).isInstanceOf(IntegrityException.class);
            assertThat(stored(conn)).isEqualTo(1);

            // a value of the wrong Java type: refused before it is sent, the COPY cancelled
            var wrongType = new ArrayList<CopyIn>();
            assertThatThrownBy(() -> {
                try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name)) {
                    wrongType.add(copy);
                    copy.writeRow(1L, "fine");
                    copy.writeRow("2", "an id must be a Long");
                }
            }).isInstanceOf(ProgrammingException.class).hasMessageContaining("takes Long");
            assertThatThrownBy(() -> wrongType.getFirst().rowCount()).isInstanceOf(InterfaceException.class)
                    .hasCauseInstanceOf(ProgrammingException.class);
            assertThatThrownBy(() -> wrongType.getFirst().writeRow(3L, "after the failure"))
                    .isInstanceOf(InterfaceException.class).hasMessageContaining("failed");

            // a value PostgreSQL cannot take: numeric(14, 4) overflows on the server
            assertThatThrownBy(() -> {
                try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name, ITEMS.price)) {
                    copy.writeRow(1L, "fine", BigDecimal.ONE);
                    copy.writeRow(2L, "too big", new BigDecimal("1e20"));
                }
            }).isInstanceOf(DataException.class);

            // NUL cannot be in PostgreSQL text
            assertThatThrownBy(() -> {
                try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name)) {
                    copy.writeRow(1L, "nul \u0000 inside");
                }
            }).isInstanceOf(DataException.class).hasMessageContaining("NUL");

            // a failure of the caller's own row source cancels the COPY too
            assertThatThrownBy(() -> {
                try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name)) {
                    copy.writeRows(() -> new Iterator<>() {
                        private long next;

                        @Override
                        public boolean hasNext() {
                            return true;
                        }

                        @Override
                        public Object[] next() {
                            if (next == 5_000) {
                                throw new IllegalStateException("the input file is truncated");
                            }
                            return new Object[] {next, "row " + next++};
                        }
                    });
                }
            }).isInstanceOf(IllegalStateException.class);

            // cancel() on purpose
            try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name)) {
                copy.writeRow(1L, "never stored");
                copy.cancel();
                assertThat(copy.rowCount()).isZero();
            }

            // an unknown table fails at the start, mapped as any statement error
            var ghost = new Table(new MetaData(), "copy_no_such_table");
            Column<Long> ghostId = ghost.column("id", BIGINT);
            assertThatThrownBy(() -> conn.copyIn(ghost, ghostId)).isInstanceOf(ProgrammingException.class)
                    .hasMessageContaining("copy_no_such_table");

            assertThat(stored(conn)).isEqualTo(1);
            conn.commit();
            assertThat(conn.execute(select(ITEMS.name).where(ITEMS.id.eq(-1L))).scalar()).isEqualTo("before the COPY");
        }
    }

    @DatabaseTest
    void aFailureInAutocommitModeStoresNothing(TestDatabase db) {
        if (db.db() != TestDb.POSTGRESQL) {
            assertNoCopy(db);
            return;
        }
        engine(db);
        // a direct connection (no pool proxy to unwrap): switching autocommit on a pooled connection trips a
        // HikariCP NPE when the engine evicts it at checkin (reported separately)
        try (Connection conn = db.connect()) {
            conn.setAutocommit(true);
            assertThatThrownBy(() -> {
                try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name)) {
                    for (long i = 0; i < 10_000; i++) {
                        copy.writeRow(i, i == 9_999 ? null : "row " + i);
                    }
                }
            }).isInstanceOf(IntegrityException.class);
            assertThat(stored(conn)).isZero();

            try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name)) {
                copy.writeRows(List.of(new Object[] {1L, "a"}, new Object[] {2L, "b"}));
            }
            try (Connection other = engine.connect()) {
                assertThat(stored(other)).as("committed by itself").isEqualTo(2);
            }
            assertThat(conn.execute("SHOW client_min_messages").scalar()).isEqualTo("notice");
        }
    }

    @DatabaseTest
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTriggerThatRaisesANoticePerRowDoesNotStallTheCopy(TestDatabase db) {
        if (db.db() != TestDb.POSTGRESQL) {
            assertNoCopy(db);
            return;
        }
        engine(db);
        try (Connection conn = engine.connect()) {
            // pgjdbc reads nothing while a COPY IN runs: 100,000 unread 500-byte notices would fill the socket
            // buffers and stall both ends, unless the COPY keeps the server from sending them
            conn.execute("CREATE FUNCTION copy_items_notice() RETURNS trigger AS $$ BEGIN RAISE NOTICE '%',"
                    + " repeat('n', 500) || NEW.id; RETURN NEW; END $$ LANGUAGE plpgsql");
            conn.execute("CREATE TRIGGER copy_items_notice BEFORE INSERT ON copy_items FOR EACH ROW"
                    + " EXECUTE FUNCTION copy_items_notice()");
            String before = (String) conn.execute("SHOW client_min_messages").scalar();
            try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name)) {
                for (long i = 0; i < 100_000; i++) {
                    copy.writeRow(i, "noisy " + i);
                }
            }
            assertThat(stored(conn)).isEqualTo(100_000);
            assertThat(conn.execute("SHOW client_min_messages").scalar()).as("restored").isEqualTo(before);
            assertThatThrownBy(() -> {
                try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name)) {
                    copy.writeRow(1L, "duplicate key");
                }
            }).isInstanceOf(IntegrityException.class);
            assertThat(conn.execute("SHOW client_min_messages").scalar()).as("restored").isEqualTo(before);
            conn.execute("DROP TRIGGER copy_items_notice ON copy_items");
            conn.execute("DROP FUNCTION copy_items_notice()");
            conn.commit();
        }
    }

    @DatabaseTest
    void closingTheConnectionCancelsAnOpenCopy(TestDatabase db) {
        if (db.db() != TestDb.POSTGRESQL) {
            assertNoCopy(db);
            return;
        }
        engine(db);
        Connection first = engine.connect();
        CopyIn copy = first.copyIn(ITEMS, ITEMS.id, ITEMS.name);
        copy.writeRow(1L, "left open");
        first.close();
        assertThatThrownBy(() -> copy.writeRow(2L, "too late")).isInstanceOf(InterfaceException.class);
        copy.close();

        Connection second = engine.connect();
        assertThat(stored(second)).isZero();
        CopyOut out = second.copyOut(ITEMS);
        second.close();
        out.close();

        assertThat(engine.poolStats().active()).isZero();
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute("SELECT 1").scalar(Long.class)).isEqualTo(1L);
        }
    }

    @DatabaseTest
    void copyOutOfAQueryStreamsTypedRowsAndCanStopEarly(TestDatabase db) {
        if (db.db() != TestDb.POSTGRESQL) {
            assertNoCopy(db);
            return;
        }
        engine(db);
        try (Connection conn = engine.connect()) {
            try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name, ITEMS.note, ITEMS.active, ITEMS.mood)) {
                for (long i = 0; i < 20_000; i++) {
                    copy.writeRow(i, "item\t" + i, i % 2 == 0 ? null : "odd", i % 2 == 0, Mood.values()[(int) i % 3]);
                }
            }
            var shout = upper(ITEMS.name).as("shout");
            var query = select(ITEMS.id, shout, ITEMS.mood).where(ITEMS.note.isNull()).orderBy(ITEMS.id.desc());
            try (CopyOut out = conn.copyOut(query)) {
                assertThat(out.columns()).containsExactly("id", "shout", "mood");
                List<Row> rows = out.all();
                assertThat(rows).hasSize(10_000);
                Row first = rows.getFirst();
                assertThat(first.get(ITEMS.id)).isEqualTo(19_998L);
                assertThat(first.get(shout)).isEqualTo("ITEM\t19998");
                assertThat(first.get(ITEMS.mood)).isEqualTo(Mood.values()[19_998 % 3]);
                assertThat(first.get(1)).isEqualTo("ITEM\t19998");
                assertThat(first.toString()).isEqualTo("(19998, 'ITEM\t19998', '" + first.get(ITEMS.mood) + "')");
                assertThat(first.as(Shout.class)).isEqualTo(new Shout(19_998L, "ITEM\t19998", Mood.CALM));
            }
            try (CopyOut out = conn.copyOut(select(count(), ITEMS.active).from(ITEMS).groupBy(ITEMS.active)
                    .orderBy(ITEMS.active))) {
                assertThat(out.stream().map(r -> r.get(count()) + ":" + r.get(ITEMS.active)).toList())
                        .containsExactly("10000:false", "10000:true");
            }

            // stop after ten rows: the rest is cancelled on the server, the transaction goes on
            try (CopyOut out = conn.copyOut(ITEMS, ITEMS.id, ITEMS.name)) {
                Iterator<Row> it = out.iterator();
                for (int i = 0; i < 10; i++) {
                    it.next();
                }
                assertThat(out.rowCount()).isEqualTo(10);
                assertThatThrownBy(out::iterator).isInstanceOf(InterfaceException.class);
            }
            assertThat(stored(conn)).isEqualTo(20_000);

            // COPY cannot bind, and Vellum writes no value into SQL
            assertThatThrownBy(() -> conn.copyOut(select(ITEMS.id).where(ITEMS.id.eq(5L))))
                    .isInstanceOf(NotSupportedException.class).hasMessageContaining("bind parameters");
            assertThatThrownBy(() -> conn.copyIn(ITEMS, ITEMS.id, ITEMS.id))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining("twice");
            conn.commit();
        }
    }

    private static long stored(Connection conn) {
        return conn.execute(select(count()).from(ITEMS)).scalar(Long.class);
    }
}
