package dev.vellum.dialect;

import static dev.vellum.dialect.Asserts.ALL;
import static dev.vellum.dialect.Asserts.MARIADB;
import static dev.vellum.dialect.Asserts.POSTGRES;
import static dev.vellum.dialect.Asserts.SQLITE;
import static dev.vellum.dialect.Asserts.assertSql;
import static dev.vellum.sql.Sql.createIndex;
import static dev.vellum.sql.Sql.createTable;
import static dev.vellum.sql.Sql.cte;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.update;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.error.InterfaceException;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;
import org.junit.jupiter.api.Test;

/** Identifiers are quoted only when they must be, with the quote character doubled inside; literals likewise. */
class QuotingTest {
    private static void assertQuoted(String identifier, String standard, String mariadb) {
        assertThat(SQLITE.quote(identifier)).isEqualTo(standard);
        assertThat(POSTGRES.quote(identifier)).isEqualTo(standard);
        assertThat(MARIADB.quote(identifier)).isEqualTo(mariadb);
    }

    @Test
    void plainLowerCaseNamesStayBare() {
        for (String name : List.of("users", "user_id", "_x", "a1", "name", "email", "status", "value", "type")) {
            assertQuoted(name, name, name);
        }
    }

    @Test
    void reservedWordsAreQuotedOnEveryDialect() {
        for (String word : List.of("order", "select", "user", "group", "table", "from", "key", "values", "limit",
                "offset", "range", "rows", "window", "returning", "on", "desc", "default", "check", "all")) {
            assertQuoted(word, '"' + word + '"', '`' + word + '`');
        }
    }

    @Test
    void wordsReservedByPostgresOrMariaDbAlone() {
        // each is a syntax error as a bare column name on PostgreSQL 15 or MariaDB 10.11
        for (String word : List.of("freeze", "authorization", "tablesample", "concurrently", "collation",
                "current_schema", "current_catalog", "analyse", "asymmetric", "system_user", "accessible", "maxvalue",
                "read_write", "row_number", "page_checksum", "stats_persistent", "stats_auto_recalc",
                "stats_sample_pages", "delete_domain_id", "do_domain_ids", "ignore_domain_ids", "ref_system_id",
                "parse_vcol_expr", "master_ssl_verify_server_cert")) {
            assertQuoted(word, '"' + word + '"', '`' + word + '`');
        }
    }

    @Test
    void upperAndMixedCaseAreQuotedToKeepTheirCase() {
        assertQuoted("Users", "\"Users\"", "`Users`");
        assertQuoted("USERS", "\"USERS\"", "`USERS`");
        assertQuoted("userId", "\"userId\"", "`userId`");
        assertQuoted("ORDER", "\"ORDER\"", "`ORDER`");
    }

    @Test
    void quoteCharactersInsideAreDoubled() {
        assertQuoted("a\"b", "\"a\"\"b\"", "`a\"b`");
        assertQuoted("a`b", "\"a`b\"", "`a``b`");
        assertQuoted("\"", "\"\"\"\"", "`\"`");
        assertQuoted("``", "\"``\"", "``````");
        assertQuoted("it's", "\"it's\"", "`it's`");
    }

    @Test
    void spacesPunctuationDigitsAndUnicode() {
        assertQuoted("my col", "\"my col\"", "`my col`");
        assertQuoted("a-b", "\"a-b\"", "`a-b`");
        assertQuoted("a.b", "\"a.b\"", "`a.b`");
        assertQuoted("1st", "\"1st\"", "`1st`");
        assertQuoted("naïve", "\"naïve\"", "`naïve`");
        assertQuoted("表", "\"表\"", "`表`");
        assertQuoted("a?b", "\"a?b\"", "`a?b`");
        assertQuoted("x; DROP TABLE users; --", "\"x; DROP TABLE users; --\"", "`x; DROP TABLE users; --`");
    }

    @Test
    void nulEmptyAndNullAreRefused() {
        for (Dialect d : ALL) {
            assertThatThrownBy(() -> d.quote("a\0b")).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("NUL");
            assertThatThrownBy(() -> d.quote("")).isInstanceOf(InterfaceException.class);
            assertThatThrownBy(() -> d.quote(null)).isInstanceOf(InterfaceException.class);
        }
    }

    @Test
    void oddNamesInEveryStatement() {
        var t = new Table(new MetaData(), "Order Items");
        Column<Integer> qty = t.column("Qty", INTEGER);
        Column<String> select = t.column("select", TEXT);
        Column<String> quoted = t.column("say \"hi\"", TEXT);
        var q = select(qty.as("Total"), select).where(quoted.eq("x")).orderBy(qty.desc());
        assertSql(q, SQLITE, "SELECT \"Order Items\".\"Qty\" AS \"Total\", \"Order Items\".\"select\" FROM \"Order"
                + " Items\" WHERE \"Order Items\".\"say \"\"hi\"\"\" = ? ORDER BY \"Order Items\".\"Qty\" DESC",
                List.of("x"));
        assertSql(q, MARIADB, "SELECT `Order Items`.`Qty` AS `Total`, `Order Items`.`select` FROM `Order Items`"
                + " WHERE `Order Items`.`say \"hi\"` = ? ORDER BY `Order Items`.`Qty` DESC", List.of("x"));
        assertSql(insert(t).value(qty, 1).value(select, "s").returning(quoted), POSTGRES,
                "INSERT INTO \"Order Items\" (\"Qty\", \"select\") VALUES (?, ?) RETURNING \"say \"\"hi\"\"\"",
                List.of(1, "s"));
        assertSql(update(t).set(select, "s").where(qty.gt(0)), MARIADB, "UPDATE `Order Items` SET `select` = ?"
                + " WHERE `Order Items`.`Qty` > ?", List.of("s", 0));
        t.check("Qty ok", qty.ge(0));
        assertSql(createTable(t), POSTGRES, "CREATE TABLE IF NOT EXISTS \"Order Items\" (\"Qty\" INTEGER, \"select\""
                + " TEXT, \"say \"\"hi\"\"\" TEXT, CONSTRAINT \"Qty ok\" CHECK (\"Qty\" >= 0))", List.of());
        assertSql(createIndex(t.index("ix", select)), MARIADB, "CREATE INDEX IF NOT EXISTS ix ON `Order Items`"
                + " (`select`)", List.of());
    }

    @Test
    void schemasAliasesCtesAndDerivedTablesAreQuotedToo() {
        var t = new Table(new MetaData(), "My Schema", "t");
        var a = t.column("a", INTEGER);
        var alias = t.as("Alias");
        assertSql(select(alias.get(a)).from(alias), POSTGRES, "SELECT \"Alias\".a FROM \"My Schema\".t AS \"Alias\"",
                List.of());
        var c = cte("With").as(select(a));
        assertSql(select(c.column("a", INTEGER)).from(c).with(c), MARIADB, "WITH `With` AS (SELECT `My Schema`.t.a"
                + " FROM `My Schema`.t) SELECT `With`.a FROM `With`", List.of());
        var derived = select(a).as("Sub Query");
        assertSql(select(derived.get(a)).from(derived), SQLITE, "SELECT \"Sub Query\".a FROM (SELECT \"My"
                + " Schema\".t.a FROM \"My Schema\".t) AS \"Sub Query\"", List.of());
    }

    @Test
    void stringLiteralsDoubleQuotesAndEscapeBackslashesOnMariaDb() {
        for (Dialect d : List.of(SQLITE, POSTGRES)) {
            var base = (BaseDialect) d;
            assertThat(base.literal("it's")).isEqualTo("'it''s'");
            assertThat(base.literal("C:\\x")).isEqualTo("'C:\\x'");
        }
        var maria = (BaseDialect) MARIADB;
        assertThat(maria.literal("it's")).isEqualTo("'it''s'");
        assertThat(maria.literal("C:\\x\\'")).isEqualTo("'C:\\\\x\\\\'''");
        for (Dialect d : ALL) {
            assertThatThrownBy(() -> ((BaseDialect) d).literal("a\0")).isInstanceOf(InterfaceException.class);
            assertThatThrownBy(() -> ((BaseDialect) d).literal(new Object())).isInstanceOf(InterfaceException.class);
        }
    }

    @Test
    void literalsOfOtherTypes() {
        var sqlite = (BaseDialect) SQLITE;
        var pg = (BaseDialect) POSTGRES;
        var maria = (BaseDialect) MARIADB;
        assertThat(sqlite.literal(true)).isEqualTo("1");
        assertThat(pg.literal(true)).isEqualTo("TRUE");
        assertThat(maria.literal(false)).isEqualTo("FALSE");
        assertThat(pg.literal(null)).isEqualTo("NULL");
        assertThat(pg.literal(new java.math.BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(sqlite.literal(new byte[] {1, (byte) 0xff})).isEqualTo("X'01ff'");
        assertThat(maria.literal(new byte[] {1, (byte) 0xff})).isEqualTo("X'01ff'");
        assertThat(pg.literal(new byte[] {1, (byte) 0xff})).isEqualTo("'\\x01ff'::bytea");
        assertThat(pg.literal(java.time.LocalTime.of(8, 5))).isEqualTo("'08:05'");
    }
}
