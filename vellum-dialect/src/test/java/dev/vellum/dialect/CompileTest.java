package dev.vellum.dialect;

import static dev.vellum.dialect.Schema.POSTS;
import static dev.vellum.dialect.Schema.USERS;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.excluded;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.set;
import static dev.vellum.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.ast.Statement;
import org.junit.jupiter.api.Test;

/**
 * Compile-only tests: the SQL and binds each dialect writes for a statement. A tour of the common statements;
 * the other {@code *CompileTest} classes cover every node by topic.
 */
class CompileTest {
    static void assertSql(Statement stmt, Dialect dialect, String sql, List<?> params) {
        Asserts.assertSql(stmt, dialect, sql, params);
    }

    @Test
    void selectWithWhereOrderLimitOffset() {
        var stmt = select(USERS.id, USERS.name).where(USERS.age.gt(18)).orderBy(USERS.name.asc().nullsFirst())
                .limit(5).offset(2);
        String pg = "SELECT users.id, users.name FROM users WHERE users.age > ? ORDER BY users.name ASC NULLS FIRST"
                + " LIMIT ? OFFSET ?";
        assertSql(stmt, Dialects.POSTGRESQL, pg, List.of(18, 5L, 2L));
        assertSql(stmt, Dialects.SQLITE, pg, List.of(18, 5L, 2L));
        assertSql(stmt, Dialects.MARIADB, "SELECT users.id, users.name FROM users WHERE users.age > ? ORDER BY"
                + " users.name IS NULL DESC, users.name ASC LIMIT ? OFFSET ?", List.of(18, 5L, 2L));
    }

    @Test
    void joinAndGroupBy() {
        var stmt = select(USERS.name, count()).from(USERS.join(POSTS, POSTS.authorId.eq(USERS.id)))
                .groupBy(USERS.name);
        for (Dialect d : List.of(Dialects.SQLITE, Dialects.POSTGRESQL, Dialects.MARIADB)) {
            assertSql(stmt, d, "SELECT users.name, count(*) FROM users JOIN posts ON posts.author_id = users.id"
                    + " GROUP BY users.name", List.of());
        }
    }

    @Test
    void upsertWithReturning() {
        var stmt = insert(USERS).value(USERS.name, "Bob").value(USERS.email, "b@x").onConflict(USERS.email)
                .doUpdate(set(USERS.name, excluded(USERS.name))).returning(USERS.id);
        String onConflict = "INSERT INTO users (name, email) VALUES (?, ?) ON CONFLICT (email) DO UPDATE SET"
                + " name = excluded.name RETURNING id";
        assertSql(stmt, Dialects.POSTGRESQL, onConflict, List.of("Bob", "b@x"));
        assertSql(stmt, Dialects.SQLITE, onConflict, List.of("Bob", "b@x"));
        assertSql(stmt, Dialects.MARIADB, "INSERT INTO users (name, email) VALUES (?, ?) ON DUPLICATE KEY UPDATE"
                + " name = VALUES(name) RETURNING id", List.of("Bob", "b@x"));
    }

    @Test
    void theSameShapeIsCompiledOnceAndBoundWithEachStatementsValues() {
        var dialect = new dev.vellum.dialect.postgres.PostgresDialect();
        var first = dialect.compile(select(USERS.id).where(USERS.age.between(20, 30)));
        var second = dialect.compile(select(USERS.id).where(USERS.age.between(40, 50)));
        assertThat(dialect.cachedShapes()).isEqualTo(1);
        assertThat(first.params()).containsExactly(20, 30);
        assertThat(second.params()).containsExactly(40, 50);
        assertThat(second.sql()).isEqualTo(first.sql());
    }

    @Test
    void dialectsByName() {
        assertThat(Dialects.forName("sqlite")).isSameAs(Dialects.SQLITE);
        assertThat(Dialects.forName("PostgreSQL")).isSameAs(Dialects.POSTGRESQL);
        assertThat(Dialects.forName("postgres")).isSameAs(Dialects.POSTGRESQL);
        assertThat(Dialects.forName("mysql")).isSameAs(Dialects.MARIADB);
        assertThat(List.of(Dialects.SQLITE.name(), Dialects.POSTGRESQL.name(), Dialects.MARIADB.name()))
                .containsExactly("sqlite", "postgresql", "mariadb");
        assertThat(List.of(Dialects.SQLITE.maxBindParameters(), Dialects.POSTGRESQL.maxBindParameters(),
                Dialects.MARIADB.maxBindParameters())).containsExactly(32_766, 32_767, 65_535);
        assertThatThrownBy(() -> Dialects.forName("oracle")).isInstanceOf(InterfaceException.class);
        assertThatThrownBy(() -> Dialects.forName(null)).isInstanceOf(InterfaceException.class);
    }

    @Test
    void rawTextAndNullAreNotCompiledByADialect() {
        for (Dialect d : Asserts.ALL) {
            assertThatThrownBy(() -> d.compile(text("SELECT 1"))).isInstanceOf(InterfaceException.class);
            assertThatThrownBy(() -> d.compile(null)).isInstanceOf(InterfaceException.class);
        }
    }
}
