package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vellum.error.DataException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/** Values travel as binds: hostile text is stored as text and the schema is untouched, on every database. */
class BindsIT {
    static final List<String> HOSTILE = List.of(
            "'", "''", "\"", "`", "\\", "\\'", "\\\\'", "'; DROP TABLE hostile; --", "Robert'); DROP TABLE hostile;--",
            "1' OR '1'='1", "\" OR 1=1 --", "/* comment */", "*/ SELECT 1 /*", "-- comment", "#comment", ":name",
            "?", "??", "$$ dollar $$", "$1", "%_%", "\r\n\t", "日本語", "🎉👍🏽 emoji with 4-byte code points",
            "\uD83D\uDE00".repeat(1000), "x".repeat(200_000));

    @DatabaseTest
    void hostileStringsRoundTripAndTheSchemaIsUntouched(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE hostile (id INTEGER PRIMARY KEY, body {text})"));
            conn.commit();
            List<String> before = Schemas.tables(db, conn);
            for (int i = 0; i < HOSTILE.size(); i++) {
                conn.execute("INSERT INTO hostile (id, body) VALUES (?, ?)", i, HOSTILE.get(i));
            }
            conn.commit();
            assertThat(Schemas.tables(db, conn)).isEqualTo(before).contains("hostile");
            for (int i = 0; i < HOSTILE.size(); i++) {
                String text = HOSTILE.get(i);
                assertThat(conn.execute("SELECT body FROM hostile WHERE id = ?", i).scalar()).isEqualTo(text);
                assertThat(conn.execute("SELECT id FROM hostile WHERE body = :body", Map.of("body", text)).scalar())
                        .as("lookup by value %s", text.length() > 40 ? text.substring(0, 40) : text)
                        .isEqualTo((long) i);
            }
            assertThat(Schemas.count(conn, "hostile")).isEqualTo(HOSTILE.size());
            conn.rollback();
        }
    }

    @DatabaseTest
    void namedBindsRepeatAndMayAppearInAnyOrder(TestDatabase db) {
        try (var conn = db.connect()) {
            var params = new LinkedHashMap<String, Object>();
            params.put("b", 2);
            params.put("a", 40);
            assertThat(conn.execute("SELECT :a + :b + :a - :a", params).scalar(Long.class)).isEqualTo(42L);
            assertThat(conn.execute("SELECT ':a', :a", Map.of("a", "x")).one().values()).containsExactly(":a", "x");
        }
    }

    @DatabaseTest
    void aMissingOrExtraNameFailsBeforeAnythingIsSent(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE named (a INTEGER, b INTEGER)"));
            conn.commit();
            assertThatThrownBy(() -> conn.execute("INSERT INTO named VALUES (:a, :b)", Map.of("a", 1)))
                    .isInstanceOfSatisfying(ProgrammingException.class, e -> {
                        assertThat(e.getMessage()).contains("no value for bind :b");
                        assertThat(e.sqlState()).as("detected client-side").isNull();
                        assertThat(e.getCause()).isNull();
                    });
            assertThatThrownBy(() -> conn.execute("INSERT INTO named VALUES (:a, :b)", Map.of("a", 1, "b", 2, "c", 3)))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining(":c");
            assertThatThrownBy(() -> conn.execute("INSERT INTO named VALUES (?, ?)", 1))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining("2 ? placeholder(s) but 1");
            assertThat(conn.inTransaction()).as("nothing ran").isFalse();
            assertThat(Schemas.count(conn, "named")).isZero();
        }
    }

    @DatabaseTest
    void aValueWithoutSqlMappingIsRefused(TestDatabase db) {
        try (var conn = db.connect()) {
            assertThatThrownBy(() -> conn.execute("SELECT ?", new ArrayList<>()))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining("cannot bind a value of type java.util.ArrayList");
        }
    }

    @DatabaseTest
    void aNulCharacterInPostgresTextIsADataError(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE nul_text (body {text})"));
            if (db.db() == TestDb.POSTGRESQL) {
                assertThatThrownBy(() -> conn.execute("INSERT INTO nul_text VALUES (?)", "a\u0000b"))
                        .isInstanceOf(DataException.class).hasMessageContaining("INSERT INTO nul_text");
            } else {
                conn.execute("INSERT INTO nul_text VALUES (?)", "a\u0000b");
                assertThat(conn.execute("SELECT body FROM nul_text").scalar()).isEqualTo("a\u0000b");
            }
            conn.rollback();
        }
    }

    @DatabaseTest
    void severalStatementsInOneTextAreRefusedOnEveryDatabase(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE chained (id INTEGER)"));
            conn.commit();
            assertThatThrownBy(() -> conn.execute("INSERT INTO chained VALUES (1); DROP TABLE chained"))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining("one statement at a time");
            assertThat(Schemas.tables(db, conn)).contains("chained");
            assertThat(Schemas.count(conn, "chained")).isZero();
            conn.rollback();
        }
    }
}
