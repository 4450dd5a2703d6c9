package dev.vellum.dialect;

import static dev.vellum.dialect.Asserts.MARIADB;
import static dev.vellum.dialect.Asserts.POSTGRES;
import static dev.vellum.dialect.Asserts.SQLITE;
import static dev.vellum.dialect.Asserts.assertAll;
import static dev.vellum.dialect.Asserts.assertNotSupported;
import static dev.vellum.dialect.Asserts.assertOn;
import static dev.vellum.dialect.Asserts.assertSql;
import static dev.vellum.dialect.Schema.POSTS;
import static dev.vellum.dialect.Schema.USERS;
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.max;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vellum.error.InterfaceException;
import org.junit.jupiter.api.Test;

/** SELECT: FROM (implicit, joins, aliases, derived tables), DISTINCT, grouping, ordering, paging and row locks. */
class SelectCompileTest {
    @Test
    void mariaDbWrapsALimitedInSubqueryInADerivedTable() {
        var limited = select(USERS.id).where(USERS.id.in(select(POSTS.authorId).orderBy(POSTS.id.desc()).limit(3)));
        assertSql(limited, "SELECT users.id FROM users WHERE users.id IN (SELECT posts.author_id FROM posts ORDER BY"
                + " posts.id DESC LIMIT ?)", "SELECT users.id FROM users WHERE users.id IN (SELECT * FROM (SELECT"
                + " posts.author_id FROM posts ORDER BY posts.id DESC LIMIT ?) AS in_limited)", List.of(3L));
        assertSql(select(USERS.id).where(USERS.id.in(select(POSTS.authorId))), MARIADB,
                "SELECT users.id FROM users WHERE users.id IN (SELECT posts.author_id FROM posts)", List.of());
    }

    @Test
    void fromDefaultsToTheTablesOfTheColumns() {
        assertAll(select(USERS), "SELECT users.id, users.name, users.email, users.age FROM users", List.of());
        assertAll(select(USERS.name, POSTS.title, USERS.age), "SELECT users.name, posts.title, users.age FROM users,"
                + " posts", List.of());
        assertAll(select(max(USERS.age).as("oldest")), "SELECT max(users.age) AS oldest FROM users", List.of());
        assertAll(select(bind(1).as("one")), "SELECT ? AS one", List.of(1));
    }

    @Test
    void anExplicitFromReplacesTheImplicitOne() {
        assertAll(select(count()).from(POSTS).where(POSTS.authorId.eq(3L)),
                "SELECT count(*) FROM posts WHERE posts.author_id = ?", List.of(3L));
        assertAll(select(USERS.name).from(USERS, POSTS).from(USERS), "SELECT users.name FROM users", List.of());
    }

    @Test
    void distinct() {
        assertAll(select(USERS.name).distinct(), "SELECT DISTINCT users.name FROM users", List.of());
    }

    @Test
    void groupByAndHaving() {
        var n = count().as("n");
        var stmt = select(POSTS.authorId, n).groupBy(POSTS.authorId).having(count().gt(2L)).having(max(POSTS.id)
                .lt(100L));
        assertAll(stmt, "SELECT posts.author_id, count(*) AS n FROM posts GROUP BY posts.author_id"
                + " HAVING count(*) > ? AND max(posts.id) < ?", List.of(2L, 100L));
    }

    @Test
    void aLabelInWhereOrHavingStandsForItsExpressionAndGroupsByItsName() {
        var n = count().as("n");
        var next = USERS.age.plus(1).as("next");
        var stmt = select(USERS.name, n, next).groupBy(USERS.name, next).having(n.gt(2L)).where(next.lt(60));
        assertAll(stmt, "SELECT users.name, count(*) AS n, (users.age + ?) AS next FROM users WHERE (users.age + ?) <"
                + " ? GROUP BY users.name, next HAVING count(*) > ?", List.of(1, 1, 60, 2L));
    }

    @Test
    void orderByALabelUsesItsName() {
        var n = count().as("n");
        var stmt = select(POSTS.authorId, n).groupBy(POSTS.authorId).orderBy(n.desc(), POSTS.authorId.asc());
        assertAll(stmt, "SELECT posts.author_id, count(*) AS n FROM posts GROUP BY posts.author_id"
                + " ORDER BY n DESC, posts.author_id ASC", List.of());
        assertOn(select(USERS.name.as("Who")).orderBy(USERS.name.as("Who")), "SELECT users.name AS \"Who\" FROM"
                + " users ORDER BY \"Who\" ASC", List.of(), SQLITE, POSTGRES);
    }

    @Test
    void nullsFirstAndLastAreEmulatedOnMariaDb() {
        var stmt = select(USERS.id).orderBy(USERS.age.desc().nullsLast(), USERS.name.asc().nullsFirst());
        assertSql(stmt, "SELECT users.id FROM users ORDER BY users.age DESC NULLS LAST, users.name ASC NULLS FIRST",
                "SELECT users.id FROM users ORDER BY users.age IS NULL ASC, users.age DESC, users.name IS NULL DESC,"
                        + " users.name ASC", List.of());
    }

    @Test
    void nullsOrderOfALabelledAggregateOnMariaDbSortsOnTheExpression() {
        // MariaDB refuses "n IS NULL" when n names an aggregate ("reference to group function")
        var n = count().as("n");
        var stmt = select(POSTS.authorId, n).groupBy(POSTS.authorId).orderBy(n.desc().nullsLast());
        assertSql(stmt, "SELECT posts.author_id, count(*) AS n FROM posts GROUP BY posts.author_id"
                + " ORDER BY n DESC NULLS LAST", "SELECT posts.author_id, count(*) AS n FROM posts GROUP BY"
                + " posts.author_id ORDER BY count(*) IS NULL ASC, n DESC", List.of());
        var plus = USERS.age.plus(1).as("a");
        assertSql(select(plus).orderBy(plus.asc().nullsFirst()), MARIADB,
                "SELECT (users.age + ?) AS a FROM users ORDER BY (users.age + ?) IS NULL DESC, a ASC", List.of(1, 1));
    }

    @Test
    void orderByAnExpressionWithBinds() {
        var stmt = select(USERS.id).orderBy(USERS.age.minus(30).desc().nullsFirst());
        assertSql(stmt, SQLITE, "SELECT users.id FROM users ORDER BY (users.age - ?) DESC NULLS FIRST", List.of(30));
        assertSql(stmt, MARIADB, "SELECT users.id FROM users ORDER BY (users.age - ?) IS NULL DESC,"
                + " (users.age - ?) DESC", List.of(30, 30));
        assertAll(select(USERS.id).orderBy(USERS.name, USERS.age), "SELECT users.id FROM users ORDER BY users.name"
                + " ASC, users.age ASC", List.of());
    }

    @Test
    void limitAndOffset() {
        assertAll(select(USERS.id).limit(10), "SELECT users.id FROM users LIMIT ?", List.of(10L));
        assertAll(select(USERS.id).limit(10).offset(20), "SELECT users.id FROM users LIMIT ? OFFSET ?",
                List.of(10L, 20L));
        assertAll(select(USERS.id).limit(0), "SELECT users.id FROM users LIMIT ?", List.of(0L));
        assertThatThrownBy(() -> select(USERS.id).limit(-1)).isInstanceOf(InterfaceException.class);
        assertThatThrownBy(() -> select(USERS.id).offset(-1)).isInstanceOf(InterfaceException.class);
    }

    @Test
    void anOffsetAloneNeedsALimitOnSqliteAndMariaDb() {
        var stmt = select(USERS.id).offset(5);
        assertSql(stmt, SQLITE, "SELECT users.id FROM users LIMIT -1 OFFSET ?", List.of(5L));
        assertSql(stmt, POSTGRES, "SELECT users.id FROM users OFFSET ?", List.of(5L));
        assertSql(stmt, MARIADB, "SELECT users.id FROM users LIMIT 18446744073709551615 OFFSET ?", List.of(5L));
    }

    @Test
    void rowLocks() {
        var base = select(USERS.id).where(USERS.age.gt(1)).limit(2);
        String sql = "SELECT users.id FROM users WHERE users.age > ? LIMIT ?";
        var params = List.of(1, 2L);
        assertSql(base.forUpdate(), sql, sql + " FOR UPDATE", sql + " FOR UPDATE", params);
        assertSql(base.forShare(), POSTGRES, sql + " FOR SHARE", params);
        assertSql(base.forShare(), MARIADB, sql + " LOCK IN SHARE MODE", params);
        assertSql(base.forShare(), SQLITE, sql, params);
        assertSql(base.forUpdate().noWait(), POSTGRES, sql + " FOR UPDATE NOWAIT", params);
        assertSql(base.forUpdate().noWait(), MARIADB, sql + " FOR UPDATE NOWAIT", params);
        assertSql(base.forUpdate().skipLocked(), POSTGRES, sql + " FOR UPDATE SKIP LOCKED", params);
        assertSql(base.forUpdate().skipLocked(), MARIADB, sql + " FOR UPDATE SKIP LOCKED", params);
        assertSql(base.forShare().noWait(), MARIADB, sql + " LOCK IN SHARE MODE NOWAIT", params);
        assertSql(base.forShare().skipLocked(), POSTGRES, sql + " FOR SHARE SKIP LOCKED", params);
        assertSql(base.forShare().skipLocked(), MARIADB, sql + " LOCK IN SHARE MODE SKIP LOCKED", params);
        assertSql(base.forShare().skipLocked(), SQLITE, sql, params);
        assertThatThrownBy(() -> base.noWait()).isInstanceOf(InterfaceException.class);
        assertThatThrownBy(() -> base.skipLocked()).isInstanceOf(InterfaceException.class);
    }

    @Test
    void joinsOfEveryKind() {
        var on = POSTS.authorId.eq(USERS.id);
        String cols = "SELECT users.name, posts.title FROM users";
        assertAll(select(USERS.name, POSTS.title).from(USERS.join(POSTS, on)),
                cols + " JOIN posts ON posts.author_id = users.id", List.of());
        assertAll(select(USERS.name, POSTS.title).from(USERS).join(POSTS, on),
                cols + " JOIN posts ON posts.author_id = users.id", List.of());
        assertAll(select(USERS.name, POSTS.title).from(USERS.leftJoin(POSTS, on.and(POSTS.title.ne("x")))),
                cols + " LEFT JOIN posts ON posts.author_id = users.id AND posts.title <> ?", List.of("x"));
        assertAll(select(USERS.name, POSTS.title).from(USERS).leftJoin(POSTS, on),
                cols + " LEFT JOIN posts ON posts.author_id = users.id", List.of());
        assertAll(select(USERS.name, POSTS.title).from(USERS.rightJoin(POSTS, on)),
                cols + " RIGHT JOIN posts ON posts.author_id = users.id", List.of());
        var full = select(USERS.name, POSTS.title).from(USERS.fullJoin(POSTS, on));
        assertOn(full, cols + " FULL JOIN posts ON posts.author_id = users.id", List.of(), SQLITE, POSTGRES);
        assertNotSupported(full, MARIADB, "FULL JOIN");
        assertNotSupported(select(USERS.id).where(USERS.id.in(select(POSTS.id).from(POSTS.fullJoin(USERS, on)))),
                MARIADB, "FULL JOIN");
        assertThatThrownBy(() -> select(USERS.id).join(POSTS, on)).isInstanceOf(InterfaceException.class);
    }

    @Test
    void chainedAndNestedJoins() {
        var other = USERS.as("other");
        var chained = select(USERS.name).from(USERS.join(POSTS, POSTS.authorId.eq(USERS.id))
                .leftJoin(other, other.get(USERS.age).eq(USERS.age)));
        assertAll(chained, "SELECT users.name FROM users JOIN posts ON posts.author_id = users.id LEFT JOIN users AS"
                + " other ON other.age = users.age", List.of());
        var nested = select(USERS.name).from(other.join(USERS.join(POSTS, POSTS.authorId.eq(USERS.id)),
                other.get(USERS.id).eq(POSTS.authorId)));
        assertAll(nested, "SELECT users.name FROM users AS other JOIN (users JOIN posts ON posts.author_id ="
                + " users.id) ON other.id = posts.author_id", List.of());
    }

    @Test
    void aSelfJoinThroughTableAliases() {
        var other = POSTS.as("other");
        var stmt = select(POSTS.title, other.get(POSTS.title).as("sibling"))
                .from(POSTS.join(other, other.get(POSTS.authorId).eq(POSTS.authorId).and(other.get(POSTS.id)
                        .ne(POSTS.id))))
                .where(other.get(POSTS.title).like("A%"));
        assertAll(stmt, "SELECT posts.title, other.title AS sibling FROM posts JOIN posts AS other ON"
                + " other.author_id = posts.author_id AND other.id <> posts.id WHERE other.title LIKE ?", List.of("A%"));
        var a = USERS.as("a");
        var b = USERS.as("Order");
        assertSql(select(a.get(USERS.name), b.get(USERS.name)).from(a.join(b, a.get(USERS.age).eq(b.get(USERS.age)))),
                "SELECT a.name, \"Order\".name FROM users AS a JOIN users AS \"Order\" ON a.age = \"Order\".age",
                "SELECT a.name, `Order`.name FROM users AS a JOIN users AS `Order` ON a.age = `Order`.age", List.of());
        assertThatThrownBy(() -> a.get(POSTS.title)).isInstanceOf(InterfaceException.class);
    }

    @Test
    void aDerivedTable() {
        var n = count().as("n");
        var counts = select(POSTS.authorId, n).where(POSTS.title.ne("draft")).groupBy(POSTS.authorId).as("counts");
        var stmt = select(USERS.name, counts.get(n)).from(USERS.join(counts, counts.get(POSTS.authorId).eq(USERS.id)))
                .where(counts.column("n", BIGINT).gt(1L));
        assertAll(stmt, "SELECT users.name, counts.n FROM users JOIN (SELECT posts.author_id, count(*) AS n FROM posts"
                + " WHERE posts.title <> ? GROUP BY posts.author_id) AS counts ON counts.author_id = users.id"
                + " WHERE counts.n > ?", List.of("draft", 1L));
        assertAll(select(counts.get(n)).from(counts).limit(3), "SELECT counts.n FROM (SELECT posts.author_id,"
                + " count(*) AS n FROM posts WHERE posts.title <> ? GROUP BY posts.author_id) AS counts LIMIT ?",
                List.of("draft", 3L));
        assertThatThrownBy(() -> counts.get(count())).isInstanceOf(InterfaceException.class);
    }
}
