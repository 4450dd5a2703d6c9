package dev.vellum.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vellum.error.ProgrammingException;

class SqlTextTest {
    @Test
    void namedPlaceholdersBecomeQuestionMarksInOrder() {
        var t = SqlText.parse("SELECT * FROM t WHERE a = :a AND b = :b OR a = :a", false);
        assertThat(t.jdbcSql()).isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? OR a = ?");
        assertThat(t.names()).containsExactly("a", "b", "a");
        assertThat(t.namedBinds("sql", Map.of("a", 1, "b", 2))).containsExactly(1, 2, 1);
    }

    @Test
    void literalsCommentsCastsAndDollarQuotesAreSkipped() {
        var t = SqlText.parse("SELECT ':no', \":no\", `:no`, x::text, $$ :no ? $$, $tag$ :no $tag$ -- :no ?\n"
                + "/* :no ? */ FROM t WHERE y = :yes AND z = 'it''s :no'", false);
        assertThat(t.names()).containsExactly("yes");
        assertThat(t.positional()).isZero();
        assertThat(t.jdbcSql()).contains("x::text").endsWith("y = ? AND z = 'it''s :no'");
    }

    @Test
    void backslashEscapesOnlyWhereTheDatabaseHasThem() {
        String sql = "SELECT 'a\\' , :x";
        assertThat(SqlText.parse(sql, false).names()).containsExactly("x");   // standard strings: 'a\' ends there
        assertThat(SqlText.parse(sql, true).names()).isEmpty();               // MariaDB: \' escapes the quote
        assertThat(SqlText.parse("SELECT E'a\\' :no', :x", false).names()).containsExactly("x");
    }

    @Test
    void positionalCountIsChecked() {
        var t = SqlText.parse("INSERT INTO t VALUES (?, ?)", false);
        assertThat(t.positionalBinds("sql", new Object[] {1, 2})).containsExactly(1, 2);
        assertThatThrownBy(() -> t.positionalBinds("sql", new Object[] {1}))
                .isInstanceOf(ProgrammingException.class).hasMessageContaining("2 ? placeholder(s) but 1 value");
        assertThatThrownBy(() -> t.namedBinds("sql", Map.of("a", 1)))
                .isInstanceOf(ProgrammingException.class).hasMessageContaining("uses ? placeholders");
    }

    @Test
    void missingAndExtraNamesAreReported() {
        var t = SqlText.parse("UPDATE t SET a = :a WHERE id = :id", false);
        assertThatThrownBy(() -> t.namedBinds("sql", Map.of("a", 1)))
                .isInstanceOf(ProgrammingException.class).hasMessageContaining("no value for bind :id");
        assertThatThrownBy(() -> t.namedBinds("sql", Map.of("a", 1, "id", 2, "idd", 3)))
                .isInstanceOf(ProgrammingException.class).hasMessageContaining(":idd")
                .hasMessageContaining("uses :a, :id");
        assertThatThrownBy(() -> t.positionalBinds("sql", new Object[] {1, 2}))
                .isInstanceOf(ProgrammingException.class).hasMessageContaining("pass a Map");
    }

    @Test
    void assignmentAndTimeLiteralsAreNotBinds() {
        assertThat(SqlText.parse("SELECT @v := 1, '12:30:00'", true).names()).isEmpty();
        assertThat(SqlText.parse("SELECT a:b", false).names()).isEqualTo(List.of());
    }

    @Test
    void severalStatementsInOneTextAreRefused() {
        assertThatThrownBy(() -> SqlText.parse("CREATE TABLE t (a INT); INSERT INTO t VALUES (1)", false)
                .requireSingle("sql")).isInstanceOf(ProgrammingException.class)
                .hasMessageContaining("one statement at a time");
        SqlText.parse("SELECT 1;", false).requireSingle("SELECT 1;");
        SqlText.parse("SELECT ';' ; -- trailing comment\n /* and another */", false).requireSingle("x");
        String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; END";
        SqlText.parse(trigger, false).requireSingle(trigger);
        String function = "CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql";
        SqlText.parse(function, false).requireSingle(function);
    }

    @Test
    void aSingleRowInsertBecomesMultiRow() {
        var t = SqlText.parse("INSERT INTO users (name, age) VALUES (?, ?)", false);
        assertThat(t.isMultiRowInsert()).isTrue();
        assertThat(t.bindsPerRow()).isEqualTo(2);
        assertThat(t.multiRow(3)).isEqualTo("INSERT INTO users (name, age) VALUES (?, ?), (?, ?), (?, ?)");
        var named = SqlText.parse("insert into t (a, b) values (:a, lower(:b));", false);
        assertThat(named.multiRow(2)).isEqualTo("insert into t (a, b) values (?, lower(?)), (?, lower(?))");
    }

    @Test
    void onlyPlainSingleRowInsertsQualify() {
        assertThat(SqlText.parse("UPDATE t SET a = ? WHERE b = ?", false).isMultiRowInsert()).isFalse();
        assertThat(SqlText.parse("INSERT INTO t VALUES (?, ?), (?, ?)", false).isMultiRowInsert()).isFalse();
        assertThat(SqlText.parse("INSERT INTO t VALUES (?) ON CONFLICT DO NOTHING", false).isMultiRowInsert())
                .isFalse();
        assertThat(SqlText.parse("INSERT INTO t VALUES (?) RETURNING id", false).isMultiRowInsert()).isFalse();
        assertThat(SqlText.parse("INSERT INTO t SELECT ? FROM dual", false).isMultiRowInsert()).isFalse();
        assertThat(SqlText.parse("INSERT INTO t (a) VALUES ('(?)')", false).isMultiRowInsert()).isFalse();
    }
}
