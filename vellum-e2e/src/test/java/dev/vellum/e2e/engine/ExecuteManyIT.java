package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vellum.error.IntegrityException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;

/** executeMany batches one statement over many rows of binds, positional or named. */
class ExecuteManyIT {
    @DatabaseTest
    void positionalRowsAsArraysOrLists(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE many_pos (id INTEGER PRIMARY KEY, name VARCHAR(50), age INTEGER)"));
            var rows = new ArrayList<Object>();
            for (int i = 0; i < 25_000; i++) {
                rows.add(i % 2 == 0 ? new Object[] {i, "user" + i, i % 90} : List.of(i, "user" + i, i % 90));
            }
            long changed = conn.executeMany("INSERT INTO many_pos (id, name, age) VALUES (?, ?, ?)", rows);
            assertThat(changed).as("multi-row VALUES and MariaDB's bulk protocol both count rows").isEqualTo(25_000L);
            conn.commit();
            assertThat(Schemas.count(conn, "many_pos")).isEqualTo(25_000);
            assertThat(conn.execute("SELECT name, age FROM many_pos WHERE id = ?", 24_999).one().values())
                    .containsExactly("user24999", 24_999L % 90);
            assertThat(conn.executeMany("UPDATE many_pos SET age = ? WHERE id = ?",
                    List.of(new Object[] {1, 0}, new Object[] {1, 1}))).isEqualTo(2);
            conn.rollback();
        }
    }

    @DatabaseTest
    void namedRowsAsMaps(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE many_named (id INTEGER PRIMARY KEY, name VARCHAR(50))"));
            conn.executeMany("INSERT INTO many_named (id, name) VALUES (:id, :name)",
                    List.of(Map.of("id", 1, "name", "a"), Map.of("name", "b", "id", 2)));
            assertThat(conn.execute("SELECT name FROM many_named ORDER BY id").all())
                    .extracting(r -> r.get(0)).containsExactly("a", "b");
            assertThatThrownBy(() -> conn.executeMany("INSERT INTO many_named (id, name) VALUES (:id, :name)",
                    List.of(Map.of("id", 3)))).isInstanceOf(ProgrammingException.class).hasMessageContaining(":name");
            assertThatThrownBy(() -> conn.executeMany("INSERT INTO many_named (id, name) VALUES (?, ?)",
                    List.of("not a row"))).isInstanceOf(ProgrammingException.class).hasMessageContaining("Object[], List or Map");
            conn.rollback();
        }
    }

    @DatabaseTest
    void inAutocommitTheBatchIsAtomic(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE many_atomic (id INTEGER PRIMARY KEY)"));
            conn.commit();
            conn.setAutocommit(true);
            assertThatThrownBy(() -> conn.executeMany("INSERT INTO many_atomic (id) VALUES (?)",
                    List.of(List.of(1), List.of(2), List.of(1)))).isInstanceOf(IntegrityException.class);
            assertThat(Schemas.count(conn, "many_atomic")).as("no row of the failed batch remains").isZero();
            assertThat(conn.executeMany("INSERT INTO many_atomic (id) VALUES (?)", List.of(List.of(1), List.of(2))))
                    .isIn(2L, -1L);
            assertThat(conn.isAutocommit()).isTrue();
        }
        try (var other = db.connect()) {
            assertThat(Schemas.count(other, "many_atomic")).as("committed by the batch").isEqualTo(2);
        }
    }

    @DatabaseTest
    void anEmptyBatchDoesNothing(TestDatabase db) {
        try (var conn = db.connect()) {
            assertThat(conn.executeMany("INSERT INTO nowhere VALUES (?)", List.of())).isZero();
            assertThat(conn.inTransaction()).isFalse();
        }
    }

    @DatabaseTest
    void aFailedBatchReportsTheServerErrorNotTheRewrittenStatement(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute("CREATE TABLE many_secret (token VARCHAR(40) PRIMARY KEY)");
            conn.execute("INSERT INTO many_secret VALUES (?)", "taken");
            conn.commit();
            String sql = "INSERT INTO many_secret (token) VALUES (?)";
            assertThatThrownBy(() -> conn.executeMany(sql, List.of(List.of("s3cret-one"), List.of("taken"))))
                    .isInstanceOfSatisfying(IntegrityException.class, e -> {
                        assertThat(e.sql()).isEqualTo(sql);
                        assertThat(e.getMessage()).doesNotContain("Batch entry").doesNotContain("s3cret-one");
                    });
            conn.rollback();
        }
    }

    @DatabaseTest
    void statementsThatCannotBeMultiRowStillBatch(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE many_other (id INTEGER PRIMARY KEY, n INTEGER)"));
            conn.executeMany("INSERT INTO many_other (id, n) SELECT ?, ?", List.of(List.of(1, 10), List.of(2, 20)));
            assertThat(conn.executeMany("UPDATE many_other SET n = n + ? WHERE id = ?",
                    List.of(List.of(1, 1), List.of(1, 2), List.of(1, 3)))).isEqualTo(2);
            assertThat(conn.execute("SELECT SUM(n) FROM many_other").scalar(Long.class)).isEqualTo(32L);
            conn.rollback();
        }
    }
}
