package dev.vellum.dialect;

import static dev.vellum.dialect.Asserts.MARIADB;
import static dev.vellum.dialect.Asserts.POSTGRES;
import static dev.vellum.dialect.Asserts.SQLITE;
import static dev.vellum.dialect.Asserts.assertAll;
import static dev.vellum.dialect.Asserts.assertNotSupported;
import static dev.vellum.dialect.Asserts.assertOn;
import static dev.vellum.dialect.Asserts.assertSql;
import static dev.vellum.dialect.Schema.ITEMS;
import static dev.vellum.dialect.Schema.POSTS;
import static dev.vellum.dialect.Schema.USERS;
import static dev.vellum.sql.Sql.avg;
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.case_;
import static dev.vellum.sql.Sql.cast;
import static dev.vellum.sql.Sql.coalesce;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.countDistinct;
import static dev.vellum.sql.Sql.currentTimestamp;
import static dev.vellum.sql.Sql.func;
import static dev.vellum.sql.Sql.length;
import static dev.vellum.sql.Sql.lower;
import static dev.vellum.sql.Sql.max;
import static dev.vellum.sql.Sql.min;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.sum;
import static dev.vellum.sql.Sql.upper;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.DOUBLE;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.TEXT;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.SqlTypes;
import org.junit.jupiter.api.Test;

/** Value expressions in the select list: arithmetic, concatenation, CAST, CASE, functions, subqueries. */
class ExpressionCompileTest {
    @Test
    void arithmeticIsParenthesised() {
        assertSql(select(USERS.age.plus(1), USERS.age.minus(2), USERS.age.times(3), USERS.age.dividedBy(4)),
                "SELECT (users.age + ?), (users.age - ?), (users.age * ?), (users.age / ?) FROM users",
                "SELECT (users.age + ?), (users.age - ?), (users.age * ?), (users.age DIV ?) FROM users",
                List.of(1, 2, 3, 4));
        assertAll(select(USERS.age.plus(1).times(USERS.age.minus(USERS.age))),
                "SELECT ((users.age + ?) * (users.age - users.age)) FROM users", List.of(1));
        assertAll(select(USERS.id).where(USERS.age.plus(1).gt(USERS.age.times(2))),
                "SELECT users.id FROM users WHERE (users.age + ?) > (users.age * ?)", List.of(1, 2));
    }

    @Test
    void sqliteCastsDatesAndTimesAsText() {
        assertSql(select(cast(USERS.name, SqlTypes.DATE), cast(USERS.name, SqlTypes.TIMESTAMP)), SQLITE,
                "SELECT CAST(users.name AS TEXT), CAST(users.name AS TEXT) FROM users", List.of());
        assertSql(select(cast(USERS.name, SqlTypes.DATE)), POSTGRES, "SELECT CAST(users.name AS DATE) FROM users",
                List.of());
    }

    @Test
    void concatIsPipesExceptOnMariaDb() {
        var stmt = select(USERS.name.concat(" <").concat(USERS.email).concat(">"));
        assertSql(stmt, "SELECT (((users.name || ?) || users.email) || ?) FROM users",
                "SELECT CONCAT(CONCAT(CONCAT(users.name, ?), users.email), ?) FROM users", List.of(" <", ">"));
    }

    @Test
    void castUsesEachDatabasesTypeNames() {
        assertSql(select(cast(USERS.age, TEXT)), SQLITE, "SELECT CAST(users.age AS TEXT) FROM users", List.of());
        assertSql(select(cast(USERS.age, TEXT)), POSTGRES, "SELECT CAST(users.age AS TEXT) FROM users", List.of());
        assertSql(select(cast(USERS.age, TEXT)), MARIADB, "SELECT CAST(users.age AS CHAR) FROM users", List.of());
        assertOn(select(USERS.id).where(USERS.name.cast(INTEGER).gt(3)),
                "SELECT users.id FROM users WHERE CAST(users.name AS INTEGER) > ?", List.of(3), SQLITE, POSTGRES);
    }

    @Test
    void mariaDbCastTypes() {
        Map<SqlType<?>, String> types = new LinkedHashMap<>();
        types.put(SqlTypes.SMALLINT, "SIGNED");
        types.put(SqlTypes.INTEGER, "SIGNED");
        types.put(SqlTypes.BIGINT, "SIGNED");
        types.put(SqlTypes.BOOLEAN, "SIGNED");
        types.put(SqlTypes.numeric(10, 2), "DECIMAL(10, 2)");
        types.put(SqlTypes.REAL, "FLOAT");
        types.put(SqlTypes.DOUBLE, "DOUBLE");
        types.put(SqlTypes.varchar(5), "CHAR(5)");
        types.put(SqlTypes.TEXT, "CHAR");
        types.put(SqlTypes.JSON, "CHAR");
        types.put(SqlTypes.UUID_TYPE, "CHAR");
        types.put(SqlTypes.DATE, "DATE");
        types.put(SqlTypes.TIME, "TIME(6)");
        types.put(SqlTypes.TIMESTAMP, "DATETIME(6)");
        types.put(SqlTypes.TIMESTAMP_TZ, "DATETIME(6)");
        types.put(SqlTypes.BYTES, "BINARY");
        types.put(SqlTypes.enumOf(Schema.Status.class), "CHAR");
        types.put(SqlTypes.TEXT.as(StringBuilder.class, StringBuilder::new, StringBuilder::toString), "CHAR");
        types.forEach((type, name) -> assertSql(select(cast(USERS.name, type)), MARIADB,
                "SELECT CAST(users.name AS " + name + ") FROM users", List.of()));
        assertNotSupported(select(cast(USERS.name, SqlTypes.JSONB)), MARIADB, "JSONB");
        assertNotSupported(select(cast(USERS.name, SqlTypes.arrayOf(INTEGER))), MARIADB, "CAST");
    }

    @Test
    void postgresAndSqliteCastTypes() {
        assertSql(select(cast(USERS.name, SqlTypes.varchar(5)), cast(USERS.name, SqlTypes.numeric(8, 3))), POSTGRES,
                "SELECT CAST(users.name AS VARCHAR(5)), CAST(users.name AS NUMERIC(8, 3)) FROM users", List.of());
        assertSql(select(cast(USERS.name, SqlTypes.JSONB), cast(USERS.name, SqlTypes.arrayOf(INTEGER))), POSTGRES,
                "SELECT CAST(users.name AS JSONB), CAST(users.name AS INTEGER[]) FROM users", List.of());
        assertSql(select(cast(USERS.name, SqlTypes.UUID_TYPE), cast(USERS.name, SqlTypes.BYTES)), SQLITE,
                "SELECT CAST(users.name AS TEXT), CAST(users.name AS BLOB) FROM users", List.of());
        assertNotSupported(select(cast(USERS.name, SqlTypes.JSONB)), SQLITE, "JSONB");
    }

    @Test
    void caseWithBranchesAndElse() {
        var grade = case_(USERS.age.lt(18), "minor").when(USERS.age.lt(65), "adult").otherwise("senior");
        assertAll(select(USERS.id, grade.as("grade")), "SELECT users.id, CASE WHEN users.age < ? THEN ? WHEN"
                + " users.age < ? THEN ? ELSE ? END AS grade FROM users", List.of(18, "minor", 65, "adult", "senior"));
        var pick = case_(USERS.email.isNull(), USERS.name).otherwise(USERS.email);
        assertAll(select(USERS.id).where(pick.eq("x")),
                "SELECT users.id FROM users WHERE CASE WHEN users.email IS NULL THEN users.name ELSE users.email END"
                        + " = ?", List.of("x"));
        assertAll(select(USERS.id, case_(USERS.age.gt(1).or(USERS.age.isNull()), 1)),
                "SELECT users.id, CASE WHEN users.age > ? OR users.age IS NULL THEN ? END FROM users", List.of(1, 1));
    }

    @Test
    void aCaseAloneStillSelectsFromItsTables() {
        var grade = case_(USERS.age.lt(18), "minor").otherwise("adult");
        assertAll(select(grade.as("grade")), "SELECT CASE WHEN users.age < ? THEN ? ELSE ? END AS grade FROM users",
                List.of(18, "minor", "adult"));
        assertOn(select(case_(ITEMS.active.eq(true), "on").otherwise(ITEMS.status.cast(TEXT))),
                "SELECT CASE WHEN items.active = ? THEN ? ELSE CAST(items.status AS TEXT) END FROM items",
                List.of(true, "on"), SQLITE, POSTGRES);
        assertAll(select(USERS.age.isNull()), "SELECT users.age IS NULL FROM users", List.of());
        assertAll(select(USERS.name.like("a%").as("a")), "SELECT users.name LIKE ? AS a FROM users", List.of("a%"));
    }

    @Test
    void aggregateFunctions() {
        assertAll(select(count(), count(USERS.email), countDistinct(USERS.age), sum(USERS.age), avg(USERS.age),
                        min(USERS.name), max(USERS.name)),
                "SELECT count(*), count(users.email), count(DISTINCT users.age), sum(users.age), avg(users.age),"
                        + " min(users.name), max(users.name) FROM users", List.of());
        assertAll(select(count()).from(USERS), "SELECT count(*) FROM users", List.of());
    }

    @Test
    void scalarFunctions() {
        assertAll(select(coalesce(USERS.email, "none"), coalesce(USERS.email, USERS.name, bind("?"))),
                "SELECT coalesce(users.email, ?), coalesce(users.email, users.name, ?) FROM users",
                List.of("none", "?"));
        assertAll(select(lower(USERS.name), upper(USERS.email)), "SELECT lower(users.name), upper(users.email) FROM"
                + " users", List.of());
        assertAll(select(func("abs", INTEGER, USERS.age.minus(50)), func("pg_catalog.now", BIGINT)),
                "SELECT abs((users.age - ?)), pg_catalog.now() FROM users", List.of(50));
    }

    @Test
    void lengthIsCharLengthOnMariaDb() {
        assertSql(select(length(USERS.name)), "SELECT length(users.name) FROM users",
                "SELECT CHAR_LENGTH(users.name) FROM users", List.of());
    }

    @Test
    void currentTimestampIsAKeyword() {
        assertAll(select(currentTimestamp()), "SELECT CURRENT_TIMESTAMP", List.of());
        assertAll(select(ITEMS.id).where(ITEMS.created.lt(currentTimestamp())),
                "SELECT items.id FROM items WHERE items.created < CURRENT_TIMESTAMP", List.of());
    }

    @Test
    void functionNamesMustBePlainIdentifiers() {
        for (String name : List.of("drop table x", "f(", "a.b.c", "1f", "", "x;y", "\"f\"")) {
            assertThatThrownBy(() -> func(name, DOUBLE)).as(name).isInstanceOf(InterfaceException.class);
        }
    }

    @Test
    void labelsAreQuotedWhenNeeded() {
        assertSql(select(count().as("n"), USERS.name.as("Name"), USERS.age.as("order")),
                "SELECT count(*) AS n, users.name AS \"Name\", users.age AS \"order\" FROM users",
                "SELECT count(*) AS n, users.name AS `Name`, users.age AS `order` FROM users", List.of());
        assertThatThrownBy(() -> USERS.name.as("")).isInstanceOf(InterfaceException.class);
    }

    @Test
    void aScalarSubquery() {
        var postCount = select(count()).from(POSTS).where(POSTS.authorId.eq(USERS.id)).<Long>asScalar();
        assertAll(select(USERS.name, postCount.as("posts")).where(postCount.gt(2L)),
                "SELECT users.name, (SELECT count(*) FROM posts WHERE posts.author_id = users.id) AS posts FROM users"
                        + " WHERE (SELECT count(*) FROM posts WHERE posts.author_id = users.id) > ?", List.of(2L));
        var oldest = select(max(USERS.age)).from(USERS).where(USERS.name.ne("x")).<Integer>asScalar();
        assertAll(select(USERS.id).where(USERS.age.eq(oldest)),
                "SELECT users.id FROM users WHERE users.age = (SELECT max(users.age) FROM users WHERE users.name <> ?)",
                List.of("x"));
        assertThatThrownBy(() -> select(USERS.id, USERS.name).asScalar()).isInstanceOf(InterfaceException.class);
    }

    @Test
    void bindsAnywhereInTheSelectList() {
        assertAll(select(bind(1).as("one"), bind("x")), "SELECT ? AS one, ?", List.of(1, "x"));
        assertAll(select(ITEMS.status.eq(Schema.Status.BLOCKED).as("blocked")),
                "SELECT items.status = ? AS blocked FROM items", List.of("BLOCKED"));
    }
}
