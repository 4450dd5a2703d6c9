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
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.delete;
import static dev.vellum.sql.Sql.excluded;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.set;
import static dev.vellum.sql.Sql.update;
import static dev.vellum.sql.Sql.upper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import dev.vellum.error.InterfaceException;
import org.junit.jupiter.api.Test;

/** INSERT (rows, defaults, SELECT, upsert), UPDATE (with FROM), DELETE, and RETURNING on each. */
class DmlCompileTest {
    @Test
    void insertOneRow() {
        assertAll(insert(USERS).value(USERS.name, "Ann").value(USERS.email, "a@x").value(USERS.age, 30),
                "INSERT INTO users (name, email, age) VALUES (?, ?, ?)", List.of("Ann", "a@x", 30));
        assertAll(insert(USERS).value(USERS.name, "Ann").value(USERS.email, (String) null),
                "INSERT INTO users (name, email) VALUES (?, ?)", Arrays.asList("Ann", null));
        assertAll(insert(USERS).value(USERS.name, upper(bind("ann"))).value(USERS.age, 7),
                "INSERT INTO users (name, age) VALUES (upper(?), ?)", List.of("ann", 7));
        assertThatThrownBy(() -> insert(USERS).value(USERS.name, "a").value(USERS.name, "b"))
                .isInstanceOf(InterfaceException.class);
        assertThatThrownBy(() -> insert(USERS).value(POSTS.title, "a")).isInstanceOf(InterfaceException.class);
    }

    @Test
    void insertSeveralRows() {
        var stmt = insert(USERS).columns(USERS.name, USERS.age).values("Ann", 30).values("Bob", null);
        assertAll(stmt, "INSERT INTO users (name, age) VALUES (?, ?), (?, ?)", Arrays.asList("Ann", 30, "Bob", null));
        assertThatThrownBy(() -> insert(USERS).columns(USERS.name).values("a", "b"))
                .isInstanceOf(InterfaceException.class);
        assertThatThrownBy(() -> insert(USERS).columns(USERS.age).values("not a number"))
                .isInstanceOf(InterfaceException.class);
    }

    @Test
    void valuesAreStoredAsTheDatabaseKeepsThem() {
        var stmt = insert(ITEMS).columns(ITEMS.price, ITEMS.active, ITEMS.status)
                .values(new BigDecimal("9.50"), true, Schema.Status.BLOCKED);
        var c = assertSql(stmt, POSTGRES, "INSERT INTO items (price, active, status) VALUES (?, ?, ?)",
                List.of(new BigDecimal("9.50"), true, "BLOCKED"));
        assertThat(c.paramTypes()).containsExactly(ITEMS.price.type(), ITEMS.active.type(), ITEMS.status.type());
    }

    @Test
    void anInsertWithColumnsButNoRowsIsForExecuteMany() {
        for (Dialect d : Asserts.ALL) {
            assertThatThrownBy(() -> d.compile(insert(USERS).columns(USERS.name)))
                    .isInstanceOf(InterfaceException.class).hasMessageContaining("execute(insert, rows)");
        }
    }

    @Test
    void insertDefaultValues() {
        assertSql(insert(USERS), "INSERT INTO users DEFAULT VALUES", "INSERT INTO users () VALUES ()", List.of());
        assertSql(insert(USERS).returning(USERS.id), "INSERT INTO users DEFAULT VALUES RETURNING id",
                "INSERT INTO users () VALUES () RETURNING id", List.of());
    }

    @Test
    void insertFromASelect() {
        var stmt = insert(POSTS).columns(POSTS.authorId, POSTS.title)
                .select(select(USERS.id, USERS.name).where(USERS.age.gt(18)));
        assertAll(stmt, "INSERT INTO posts (author_id, title) SELECT users.id, users.name FROM users WHERE"
                + " users.age > ?", List.of(18));
        assertThatThrownBy(() -> insert(POSTS).columns(POSTS.title).select(select(USERS.id, USERS.name)))
                .isInstanceOf(InterfaceException.class);
    }

    @Test
    void upsertDoNothing() {
        var stmt = insert(USERS).value(USERS.name, "Bob").value(USERS.email, "b@x").onConflict(USERS.email)
                .doNothing();
        assertSql(stmt, "INSERT INTO users (name, email) VALUES (?, ?) ON CONFLICT (email) DO NOTHING",
                "INSERT INTO users (name, email) VALUES (?, ?) ON DUPLICATE KEY UPDATE users.email = users.email",
                List.of("Bob", "b@x"));
    }

    @Test
    void upsertDoUpdateWithExcludedAndExpressions() {
        var stmt = insert(USERS).value(USERS.name, "Bob").value(USERS.email, "b@x").onConflict(USERS.name,
                USERS.email).doUpdate(set(USERS.name, excluded(USERS.name)), set(USERS.age, USERS.age.plus(1)),
                set(USERS.email, "z@x"));
        assertSql(stmt, "INSERT INTO users (name, email) VALUES (?, ?) ON CONFLICT (name, email) DO UPDATE SET"
                + " name = excluded.name, age = (users.age + ?), email = ?", "INSERT INTO users (name, email) VALUES"
                + " (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), age = (users.age + ?), email = ?",
                List.of("Bob", "b@x", 1, "z@x"));
        assertThatThrownBy(() -> insert(USERS).onConflict(USERS.email).doUpdate())
                .isInstanceOf(InterfaceException.class);
        assertThatThrownBy(() -> insert(USERS).onConflict(new dev.vellum.sql.Column<?>[0]).doNothing())
                .isInstanceOf(InterfaceException.class);
    }

    @Test
    void upsertOfSeveralRowsWithReturning() {
        var stmt = insert(USERS).columns(USERS.name, USERS.email).values("a", "a@x").values("b", "b@x")
                .onConflict(USERS.email).doUpdate(set(USERS.name, excluded(USERS.name))).returning(USERS.id,
                        USERS.name.as("who"));
        assertSql(stmt, "INSERT INTO users (name, email) VALUES (?, ?), (?, ?) ON CONFLICT (email) DO UPDATE SET"
                + " name = excluded.name RETURNING id, name AS who", "INSERT INTO users (name, email) VALUES (?, ?),"
                + " (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name) RETURNING id, name AS who",
                List.of("a", "a@x", "b", "b@x"));
    }

    @Test
    void insertSelectWithAnUpsert() {
        var stmt = insert(USERS).columns(USERS.name, USERS.email).select(select(POSTS.title, POSTS.body))
                .onConflict(USERS.email).doNothing();
        // SQLite reads "FROM posts ON" as a join constraint unless the SELECT has a WHERE
        assertSql(stmt, SQLITE, "INSERT INTO users (name, email) SELECT posts.title, posts.body FROM posts WHERE"
                + " 1 = 1 ON CONFLICT (email) DO NOTHING", List.of());
        assertSql(stmt, POSTGRES, "INSERT INTO users (name, email) SELECT posts.title, posts.body FROM posts"
                + " ON CONFLICT (email) DO NOTHING", List.of());
        assertSql(stmt, MARIADB, "INSERT INTO users (name, email) SELECT posts.title, posts.body FROM posts"
                + " ON DUPLICATE KEY UPDATE users.email = users.email", List.of());
    }

    @Test
    void sqliteInsertSelectUpsertWithExpressionsAndAWhere() {
        var query = select(POSTS.title, bind("x@y")).where(POSTS.id.gt(3L));
        var stmt = insert(USERS).columns(USERS.name, USERS.email).select(query).onConflict(USERS.email)
                .doUpdate(set(USERS.name, excluded(USERS.name)));
        assertSql(stmt, SQLITE, "INSERT INTO users (name, email) SELECT posts.title, ? FROM posts WHERE posts.id > ?"
                + " ON CONFLICT (email) DO UPDATE SET name = excluded.name", List.of("x@y", 3L));
        var union = select(POSTS.title, POSTS.body).union(select(USERS.name, USERS.email));
        assertSql(insert(USERS).columns(USERS.name, USERS.email).select(union).onConflict(USERS.email).doNothing(),
                SQLITE, "INSERT INTO users (name, email) SELECT src.title, src.body FROM (SELECT posts.title,"
                        + " posts.body FROM posts UNION SELECT users.name, users.email FROM users) AS src WHERE 1 = 1"
                        + " ON CONFLICT (email) DO NOTHING", List.of());
    }

    @Test
    void updateSetWhere() {
        var stmt = update(USERS).set(USERS.name, "Ann").set(USERS.age, USERS.age.plus(1)).where(USERS.id.eq(4L));
        assertAll(stmt, "UPDATE users SET name = ?, age = (users.age + ?) WHERE users.id = ?", List.of("Ann", 1, 4L));
        assertAll(update(USERS).set(USERS.email, (String) null), "UPDATE users SET email = ?",
                Arrays.asList((Object) null));
        assertAll(update(USERS).set(USERS.age, 1).where(USERS.age.isNull()).where(USERS.name.eq("a")),
                "UPDATE users SET age = ? WHERE users.age IS NULL AND users.name = ?", List.of(1, "a"));
        for (Dialect d : Asserts.ALL) {
            assertThatThrownBy(() -> d.compile(update(USERS).where(USERS.id.eq(1L))))
                    .isInstanceOf(InterfaceException.class);
            assertThatThrownBy(() -> d.compile(update(USERS).from(POSTS))).isInstanceOf(InterfaceException.class);
        }
    }

    @Test
    void updateWithFromIsMultiTableOnMariaDb() {
        var stmt = update(POSTS).set(POSTS.title, USERS.name).from(USERS)
                .where(USERS.id.eq(POSTS.authorId).and(USERS.age.gt(18)));
        assertSql(stmt, "UPDATE posts SET title = users.name FROM users WHERE users.id = posts.author_id AND"
                + " users.age > ?", "UPDATE posts, users SET posts.title = users.name WHERE users.id ="
                + " posts.author_id AND users.age > ?", List.of(18));
        var counts = select(POSTS.authorId).where(POSTS.id.gt(9L)).as("recent");
        var fromDerived = update(USERS).set(USERS.age, 0).from(counts)
                .where(counts.get(POSTS.authorId).eq(USERS.id));
        assertOn(fromDerived, "UPDATE users SET age = ? FROM (SELECT posts.author_id FROM posts WHERE posts.id > ?)"
                + " AS recent WHERE recent.author_id = users.id", List.of(0, 9L), SQLITE, POSTGRES);
        assertSql(fromDerived, MARIADB, "UPDATE users, (SELECT posts.author_id FROM posts WHERE posts.id > ?) AS"
                + " recent SET users.age = ? WHERE recent.author_id = users.id", List.of(9L, 0));
    }

    @Test
    void updateReturningIsNotSupportedOnMariaDb() {
        var stmt = update(USERS).set(USERS.name, "Ann").where(USERS.id.eq(4L)).returning(USERS.id, USERS.name);
        assertOn(stmt, "UPDATE users SET name = ? WHERE users.id = ? RETURNING id, name", List.of("Ann", 4L), SQLITE,
                POSTGRES);
        assertNotSupported(stmt, MARIADB, "UPDATE ... RETURNING");
        assertNotSupported(update(POSTS).set(POSTS.title, "t").from(USERS).returning(POSTS.id), MARIADB,
                "UPDATE ... RETURNING");
        assertThat(MARIADB.supportsUpdateReturning()).isFalse();
        assertThat(POSTGRES.supportsUpdateReturning()).isTrue();
        assertThat(SQLITE.supportsUpdateReturning()).isTrue();
    }

    @Test
    void deleteWhereAndReturning() {
        assertAll(delete(USERS), "DELETE FROM users", List.of());
        assertAll(delete(USERS).where(USERS.age.lt(18)).where(USERS.email.isNull()),
                "DELETE FROM users WHERE users.age < ? AND users.email IS NULL", List.of(18));
        assertAll(delete(USERS).where(USERS.id.eq(3L)).returning(USERS.id, upper(USERS.email).as("mail")),
                "DELETE FROM users WHERE users.id = ? RETURNING id, upper(email) AS mail", List.of(3L));
        assertAll(delete(USERS).where(USERS.id.in(select(POSTS.authorId).where(POSTS.title.eq("spam")))),
                "DELETE FROM users WHERE users.id IN (SELECT posts.author_id FROM posts WHERE posts.title = ?)",
                List.of("spam"));
    }

    @Test
    void insertReturning() {
        assertAll(insert(USERS).value(USERS.name, "a").returning(USERS.id, USERS.age.plus(1).as("next")),
                "INSERT INTO users (name) VALUES (?) RETURNING id, (age + ?) AS next", List.of("a", 1));
    }

    @Test
    void aSubqueryInReturningQualifiesItsColumns() {
        // bare, "author_id = id" would compare two columns of posts
        var postCount = select(count()).from(POSTS).where(POSTS.authorId.eq(USERS.id)).<Long>asScalar();
        assertAll(delete(USERS).where(USERS.id.eq(1L)).returning(USERS.id, postCount.as("n")),
                "DELETE FROM users WHERE users.id = ? RETURNING id, (SELECT count(*) FROM posts WHERE posts.author_id"
                        + " = users.id) AS n", List.of(1L));
    }

    @Test
    void theResultColumnsAreTheReturningList() {
        var c = POSTGRES.compile(delete(USERS).returning(USERS.id, USERS.name));
        assertThat(c.selected()).containsExactly(USERS.id, USERS.name);
        assertThat(POSTGRES.compile(update(USERS).set(USERS.age, 1)).selected()).isEmpty();
    }
}
