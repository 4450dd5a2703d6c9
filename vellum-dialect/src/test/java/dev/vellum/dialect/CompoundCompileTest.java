package dev.vellum.dialect;

import static dev.vellum.dialect.Asserts.MARIADB;
import static dev.vellum.dialect.Asserts.POSTGRES;
import static dev.vellum.dialect.Asserts.SQLITE;
import static dev.vellum.dialect.Asserts.assertAll;
import static dev.vellum.dialect.Asserts.assertSql;
import static dev.vellum.dialect.Schema.POSTS;
import static dev.vellum.dialect.Schema.USERS;
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.cte;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.ast.Select;
import org.junit.jupiter.api.Test;

/** Set operations (UNION, INTERSECT, EXCEPT) and common table expressions (WITH, WITH RECURSIVE). */
class CompoundCompileTest {
    private static final Select MINORS = select(USERS.name).where(USERS.age.lt(18));
    private static final Select TITLES = select(POSTS.title).where(POSTS.id.gt(100L));
    private static final String MINORS_SQL = "SELECT users.name FROM users WHERE users.age < ?";
    private static final String TITLES_SQL = "SELECT posts.title FROM posts WHERE posts.id > ?";

    @Test
    void everySetOperation() {
        var ops = List.of("UNION", "UNION ALL", "INTERSECT", "EXCEPT");
        var stmts = List.of(MINORS.union(TITLES), MINORS.unionAll(TITLES), MINORS.intersect(TITLES),
                MINORS.except(TITLES));
        for (int i = 0; i < ops.size(); i++) {
            String op = ops.get(i);
            assertSql(stmts.get(i), SQLITE, MINORS_SQL + " " + op + " " + TITLES_SQL, List.of(18, 100L));
            String parenthesised = "(" + MINORS_SQL + ") " + op + " (" + TITLES_SQL + ")";
            assertSql(stmts.get(i), POSTGRES, parenthesised, List.of(18, 100L));
            assertSql(stmts.get(i), MARIADB, parenthesised, List.of(18, 100L));
        }
    }

    @Test
    void orderByAndLimitOfTheWholeResultNameResultColumns() {
        var stmt = MINORS.union(TITLES).orderBy(USERS.name.desc()).limit(5).offset(10);
        assertSql(stmt, SQLITE, MINORS_SQL + " UNION " + TITLES_SQL + " ORDER BY name DESC LIMIT ? OFFSET ?",
                List.of(18, 100L, 5L, 10L));
        assertSql(stmt, POSTGRES, "(" + MINORS_SQL + ") UNION (" + TITLES_SQL + ") ORDER BY name DESC LIMIT ?"
                + " OFFSET ?", List.of(18, 100L, 5L, 10L));
        var nulls = MINORS.union(TITLES).orderBy(USERS.name.asc().nullsFirst());
        assertSql(nulls, MARIADB, "(" + MINORS_SQL + ") UNION (" + TITLES_SQL + ") ORDER BY name IS NULL DESC,"
                + " name ASC", List.of(18, 100L));
        var labelled = select(USERS.name.as("who")).union(TITLES).orderBy(USERS.name.as("who").asc().nullsLast());
        assertSql(labelled, MARIADB, "(SELECT users.name AS who FROM users) UNION (" + TITLES_SQL + ") ORDER BY who"
                + " IS NULL ASC, who ASC", List.of(100L));
    }

    @Test
    void anOffsetAloneOfASetOperation() {
        var stmt = MINORS.union(TITLES).offset(3);
        assertSql(stmt, SQLITE, MINORS_SQL + " UNION " + TITLES_SQL + " LIMIT -1 OFFSET ?", List.of(18, 100L, 3L));
        assertSql(stmt, POSTGRES, "(" + MINORS_SQL + ") UNION (" + TITLES_SQL + ") OFFSET ?", List.of(18, 100L, 3L));
        assertSql(stmt, MARIADB, "(" + MINORS_SQL + ") UNION (" + TITLES_SQL + ") LIMIT 18446744073709551615"
                + " OFFSET ?", List.of(18, 100L, 3L));
    }

    @Test
    void aSqliteOperandWithItsOwnOrderOrLimitBecomesASubquery() {
        var stmt = MINORS.orderBy(USERS.name.asc()).limit(2).unionAll(TITLES);
        assertSql(stmt, SQLITE, "SELECT * FROM (" + MINORS_SQL + " ORDER BY users.name ASC LIMIT ?) UNION ALL "
                + TITLES_SQL, List.of(18, 2L, 100L));
        assertSql(stmt, POSTGRES, "(" + MINORS_SQL + " ORDER BY users.name ASC LIMIT ?) UNION ALL (" + TITLES_SQL
                + ")", List.of(18, 2L, 100L));
    }

    @Test
    void nestedSetOperations() {
        var third = select(USERS.email).where(USERS.id.eq(7L));
        var stmt = MINORS.union(TITLES).except(third);
        assertSql(stmt, SQLITE, "SELECT * FROM (" + MINORS_SQL + " UNION " + TITLES_SQL + ") EXCEPT SELECT"
                + " users.email FROM users WHERE users.id = ?", List.of(18, 100L, 7L));
        assertSql(stmt, POSTGRES, "((" + MINORS_SQL + ") UNION (" + TITLES_SQL + ")) EXCEPT (SELECT users.email FROM"
                + " users WHERE users.id = ?)", List.of(18, 100L, 7L));
    }

    @Test
    void aSetOperationAsASubquery() {
        var stmt = select(USERS.id).where(USERS.name.in(MINORS.union(TITLES)));
        assertSql(stmt, SQLITE, "SELECT users.id FROM users WHERE users.name IN (" + MINORS_SQL + " UNION "
                + TITLES_SQL + ")", List.of(18, 100L));
        assertSql(stmt, MARIADB, "SELECT users.id FROM users WHERE users.name IN ((" + MINORS_SQL + ") UNION ("
                + TITLES_SQL + "))", List.of(18, 100L));
    }

    @Test
    void operandsMustSelectAsManyColumns() {
        assertThatThrownBy(() -> MINORS.union(select(USERS.id, USERS.name))).isInstanceOf(InterfaceException.class);
    }

    @Test
    void aCommonTableExpression() {
        var prolific = cte("prolific", "author_id", "n").as(select(POSTS.authorId, count()).groupBy(POSTS.authorId)
                .having(count().gt(5L)));
        var authorId = prolific.column("author_id", BIGINT);
        var stmt = select(USERS.name, prolific.column("n", BIGINT))
                .from(USERS.join(prolific, authorId.eq(USERS.id))).where(USERS.age.gt(30)).with(prolific);
        assertAll(stmt, "WITH prolific (author_id, n) AS (SELECT posts.author_id, count(*) FROM posts GROUP BY"
                + " posts.author_id HAVING count(*) > ?) SELECT users.name, prolific.n FROM users JOIN prolific ON"
                + " prolific.author_id = users.id WHERE users.age > ?", List.of(5L, 30));
    }

    @Test
    void severalCtesWithoutColumnLists() {
        var adults = cte("adults").as(select(USERS.id, USERS.name).where(USERS.age.ge(18)));
        var upper = cte("Select").as(select(POSTS.authorId).where(POSTS.title.like("%!")));
        var name = adults.column("name", USERS.name.type());
        var stmt = select(name).from(adults.join(upper, upper.column("author_id", BIGINT).eq(adults.column("id",
                BIGINT)))).with(adults, upper);
        String sql = "WITH adults AS (SELECT users.id, users.name FROM users WHERE users.age >= ?), %1$sSelect%1$s"
                + " AS (SELECT posts.author_id FROM posts WHERE posts.title LIKE ?) SELECT adults.name FROM adults"
                + " JOIN %1$sSelect%1$s ON %1$sSelect%1$s.author_id = adults.id";
        assertSql(stmt, String.format(sql, "\""), String.format(sql, "`"), List.of(18, "%!"));
        assertThatThrownBy(() -> select(USERS.id).with(cte("undefined"))).isInstanceOf(InterfaceException.class);
    }

    @Test
    void withRecursive() {
        var nums = cte("nums", "n");
        var n = nums.column("n", INTEGER);
        var defined = nums.as(select(bind(1).as("n")).unionAll(select(n.plus(1)).from(nums).where(n.lt(10))));
        var stmt = select(defined.column("n", INTEGER)).from(defined).withRecursive(defined);
        assertSql(stmt, SQLITE, "WITH RECURSIVE nums (n) AS (SELECT ? AS n UNION ALL SELECT (nums.n + ?) FROM nums"
                + " WHERE nums.n < ?) SELECT nums.n FROM nums", List.of(1, 1, 10));
        String parenthesised = "WITH RECURSIVE nums (n) AS ((SELECT ? AS n) UNION ALL (SELECT (nums.n + ?) FROM nums"
                + " WHERE nums.n < ?)) SELECT nums.n FROM nums";
        assertSql(stmt, POSTGRES, parenthesised, List.of(1, 1, 10));
        assertSql(stmt, MARIADB, parenthesised, List.of(1, 1, 10));
    }

    @Test
    void aCteInsideASubquery() {
        var recent = cte("recent").as(select(POSTS.authorId).where(POSTS.id.gt(50L)));
        var stmt = select(USERS.name).where(USERS.id.in(select(recent.column("author_id", BIGINT)).from(recent)
                .with(recent))).limit(1);
        assertAll(stmt, "SELECT users.name FROM users WHERE users.id IN (WITH recent AS (SELECT posts.author_id FROM"
                + " posts WHERE posts.id > ?) SELECT recent.author_id FROM recent) LIMIT ?", List.of(50L, 1L));
    }
}
