package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.engine.ExecutionOptions;
import dev.vellum.engine.Result;
import dev.vellum.engine.Row;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.InvalidResultException;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/** The Result and Row API on every database. */
class ResultIT {
    static final String SERIES = "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ?) "
            + "SELECT n, 'row ' || n AS label FROM s ORDER BY n";

    record Item(long n, String label) {
    }

    record User(Long id, String fullName, BigDecimal balance) {
    }

    /** A query of ? rows; on MariaDB it lifts the default limit of 1000 recursive iterations. */
    private static String series(TestDatabase db, Connection conn) {
        if (db.db() == TestDb.MARIADB) {
            conn.execute("SET SESSION max_recursive_iterations = 1000000");
        }
        return db.db() == TestDb.MARIADB ? SERIES.replace("'row ' || n", "CONCAT('row ', n)") : SERIES;
    }

    private static void users(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS users"); // MariaDB's DDL commits, so an earlier test's table remains
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, full_name VARCHAR(50), balance DECIMAL(10, 2))");
        conn.execute("INSERT INTO users VALUES (1, 'Alice', 10.50), (2, 'Bob', 0), (3, NULL, NULL)");
    }

    @DatabaseTest
    void rowsByIndexNameAndTypeWithTupleText(TestDatabase db) {
        try (var conn = db.connect()) {
            users(conn);
            Result result = conn.execute("SELECT id, full_name FROM users WHERE id = ?", 1);
            assertThat(result.columns()).containsExactly("id", "full_name");
            assertThat(result.returnsRows()).isTrue();
            assertThat(result.rowCount()).isEqualTo(-1);
            Row row = result.one();
            assertThat(row.get(0)).isEqualTo(1L);
            assertThat(row.get("full_name")).isEqualTo("Alice");
            assertThat(row.get("FULL_NAME")).as("case-insensitive fallback").isEqualTo("Alice");
            assertThat(row.get(0, Integer.class)).isEqualTo(1);
            assertThat(row).hasToString("(1, 'Alice')");
            assertThat(row.values()).containsExactly(1L, "Alice");
            conn.rollback();
        }
    }

    @DatabaseTest
    void oneFirstScalarAndAll(TestDatabase db) {
        try (var conn = db.connect()) {
            users(conn);
            assertThatThrownBy(() -> conn.execute("SELECT * FROM users WHERE id > 100").one())
                    .isInstanceOf(InvalidResultException.class).hasMessageContaining("got none");
            assertThatThrownBy(() -> conn.execute("SELECT * FROM users").one())
                    .isInstanceOf(InvalidResultException.class).hasMessageContaining("more than one");
            assertThat(conn.execute("SELECT * FROM users WHERE id > 100").oneOrNull()).isNull();
            assertThat(conn.execute("SELECT id FROM users ORDER BY id").first().get(0)).isEqualTo(1L);
            assertThat(conn.execute("SELECT id FROM users WHERE id > 100").first()).isNull();
            assertThat(conn.execute("SELECT COUNT(*) FROM users").scalar()).isEqualTo(3L);
            assertThat(conn.execute("SELECT full_name FROM users WHERE id = 3").scalar()).isNull();
            assertThat(conn.execute("SELECT id FROM users ORDER BY id").all()).extracting(r -> r.get(0))
                    .containsExactly(1L, 2L, 3L);
            conn.rollback();
        }
    }

    @DatabaseTest
    void rowsMapToRecords(TestDatabase db) {
        try (var conn = db.connect()) {
            users(conn);
            List<User> all = conn.execute("SELECT * FROM users ORDER BY id").all(User.class);
            assertThat(all).extracting(User::id).containsExactly(1L, 2L, 3L);
            assertThat(all).extracting(User::fullName).containsExactly("Alice", "Bob", null);
            assertThat(all.get(1).balance()).isEqualByComparingTo("0");
            assertThat(all.get(2).balance()).isNull();
            User alice = conn.execute("SELECT id, full_name, balance FROM users WHERE id = ?", 1).one(User.class);
            assertThat(alice.balance()).isEqualByComparingTo("10.5");
            assertThat(conn.execute("SELECT * FROM users WHERE id > 9").first(User.class)).isNull();
            conn.rollback();
        }
    }

    @DatabaseTest
    void changesReportRowCountsAndNoRows(TestDatabase db) {
        try (var conn = db.connect()) {
            users(conn);
            Result update = conn.execute("UPDATE users SET balance = 1 WHERE id < ?", 3);
            assertThat(update.returnsRows()).isFalse();
            assertThat(update.rowCount()).isEqualTo(2);
            assertThat(update.columns()).isEmpty();
            assertThatThrownBy(update::all).isInstanceOf(InvalidResultException.class)
                    .hasMessageContaining("returned no rows");
            Row returned = conn.execute("INSERT INTO users (id, full_name) VALUES (?, ?) RETURNING id, full_name",
                    9, "Zed").one();
            assertThat(returned.values()).containsExactly(9L, "Zed");
            conn.rollback();
        }
    }

    @DatabaseTest
    void fetchManyPartitionsAndStream(TestDatabase db) {
        try (var conn = db.connect()) {
            Result result = conn.execute(series(db, conn), 10);
            assertThat(result.fetchMany(4)).extracting(r -> r.get(0)).containsExactly(1L, 2L, 3L, 4L);
            assertThat(result.fetchMany(4)).extracting(r -> r.get(0)).containsExactly(5L, 6L, 7L, 8L);
            assertThat(result.fetchMany(4)).extracting(r -> r.get(0)).containsExactly(9L, 10L);
            assertThat(result.fetchMany(4)).isEmpty();

            var sizes = new ArrayList<Integer>();
            for (List<Row> part : conn.execute(series(db, conn), 10).partitions(3)) {
                sizes.add(part.size());
            }
            assertThat(sizes).containsExactly(3, 3, 3, 1);

            try (var rows = conn.execute(series(db, conn), 100).stream()) {
                assertThat(rows.mapToLong(r -> r.get(0, Long.class)).sum()).isEqualTo(5050);
            }
            conn.rollback();
        }
    }

    @DatabaseTest
    void aResultClosedEarlyReleasesItsStatement(TestDatabase db) {
        try (var conn = db.connect()) {
            try (Result result = conn.execute(series(db, conn), 1000)) {
                assertThat(result.iterator().next().get(0)).isEqualTo(1L);
            }
            Result abandoned = conn.execute(series(db, conn), 1000);
            abandoned.iterator().next();
            abandoned.close();
            assertThatThrownBy(abandoned::all).isInstanceOf(InterfaceException.class).hasMessageContaining("closed");
            conn.rollback();
        } // the leak check after the test proves every statement was closed
    }

    @DatabaseTest
    void streamingReadsLargeResultsInBatches(TestDatabase db) {
        try (var conn = db.connect()) {
            long sum = 0;
            int count = 0;
            try (Result result = conn.execute(ExecutionOptions.stream(500), series(db, conn), 50_000)) {
                for (Item item : iterate(result)) {
                    sum += item.n();
                    count++;
                }
            }
            assertThat(count).isEqualTo(50_000);
            assertThat(sum).isEqualTo(50_000L * 50_001 / 2);
            conn.rollback();
        }
    }

    private static Iterable<Item> iterate(Result result) {
        return () -> result.stream().map(r -> r.as(Item.class)).iterator();
    }

    @DatabaseTest
    void postgresStreamsLazilyEvenInAutocommitMode(TestDatabase db) {
        assumeTrue(db.db() == TestDb.POSTGRESQL, "a server-side cursor is what PostgreSQL needs a fetch size for");
        try (var conn = db.connect()) {
            conn.execute("CREATE SEQUENCE stream_probe");
            conn.commit();
            conn.setAutocommit(true);
            try (Result result = conn.execute(ExecutionOptions.stream(10),
                    "SELECT nextval('stream_probe') FROM generate_series(1, 100000)")) {
                assertThat(result.fetchMany(5)).hasSize(5);
                try (var probe = db.connect()) {
                    long produced = probe.execute("SELECT last_value FROM stream_probe").scalar(Long.class);
                    assertThat(produced).as("only the first batch was computed").isLessThan(1000);
                }
            }
            assertThat(conn.isAutocommit()).isTrue();
            assertThat(conn.execute("SELECT 1").scalar()).isEqualTo(1L);
        }
    }

    record Measure(long id, int small, double ratio, boolean flag, String label, java.time.LocalDate day,
                   Integer maybe) {
    }

    @DatabaseTest
    void recordsReadStraightFromTheResultWithTypedGetters(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute("DROP TABLE IF EXISTS measures");
            conn.execute(db.ddl("CREATE TABLE measures (id BIGINT PRIMARY KEY, small INTEGER, ratio {double},"
                    + " flag {bool}, label VARCHAR(20), day DATE, maybe INTEGER)"));
            conn.executeMany("INSERT INTO measures VALUES (?, ?, ?, ?, ?, ?, ?)", List.of(
                    new Object[] {1L, 7, 0.5, true, "a", java.time.LocalDate.of(2024, 1, 2), null},
                    new Object[] {2L, -3, 2.25, false, "b", java.time.LocalDate.of(2024, 3, 4), 9}));
            List<Measure> all = conn.execute("SELECT * FROM measures ORDER BY id").all(Measure.class);
            assertThat(all).containsExactly(
                    new Measure(1L, 7, 0.5, true, "a", java.time.LocalDate.of(2024, 1, 2), null),
                    new Measure(2L, -3, 2.25, false, "b", java.time.LocalDate.of(2024, 3, 4), 9));
            conn.execute("UPDATE measures SET small = NULL WHERE id = 2");
            assertThatThrownBy(() -> conn.execute("SELECT * FROM measures ORDER BY id").all(Measure.class))
                    .isInstanceOf(InterfaceException.class).hasMessageContaining("Measure.small")
                    .hasMessageContaining("boxed type");
            Result partly = conn.execute("SELECT * FROM measures ORDER BY id");
            assertThat(partly.iterator().next().get("id")).isEqualTo(1L);
            assertThatThrownBy(() -> partly.all(Measure.class)).isInstanceOf(InterfaceException.class);
            conn.rollback();
        }
    }
}
