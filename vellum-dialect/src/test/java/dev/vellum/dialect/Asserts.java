package dev.vellum.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import dev.vellum.error.NotSupportedException;
import dev.vellum.sql.ast.Statement;

/** {@code assertSql}, the Vellum form of SQLAlchemy's {@code assert_compile}, and what the compile tests share. */
final class Asserts {
    static final Dialect SQLITE = Dialects.SQLITE;
    static final Dialect POSTGRES = Dialects.POSTGRESQL;
    static final Dialect MARIADB = Dialects.MARIADB;
    static final List<Dialect> ALL = List.of(SQLITE, POSTGRES, MARIADB);

    private Asserts() {
    }

    /**
     * Compiles {@code stmt} for {@code dialect} and checks the SQL, the bind values and that there is one value per
     * placeholder.
     */
    static Compiled assertSql(Statement stmt, Dialect dialect, String sql, List<?> params) {
        Compiled c = dialect.compile(stmt);
        assertThat(c.sql()).as("%s SQL", dialect.name()).isEqualTo(sql);
        assertThat(c.params()).as("%s binds of %s", dialect.name(), sql).isEqualTo(params);
        assertBindCount(c, dialect);
        return c;
    }

    /** The same SQL and binds on every dialect. */
    static void assertAll(Statement stmt, String sql, List<?> params) {
        for (Dialect d : ALL) {
            assertSql(stmt, d, sql, params);
        }
    }

    /** The same SQL and binds on the given dialects. */
    static void assertOn(Statement stmt, String sql, List<?> params, Dialect... dialects) {
        for (Dialect d : dialects) {
            assertSql(stmt, d, sql, params);
        }
    }

    /** One SQL for SQLite and PostgreSQL, another for MariaDB, with the same binds. */
    static void assertSql(Statement stmt, String sqliteAndPostgres, String mariadb, List<?> params) {
        assertSql(stmt, SQLITE, sqliteAndPostgres, params);
        assertSql(stmt, POSTGRES, sqliteAndPostgres, params);
        assertSql(stmt, MARIADB, mariadb, params);
    }

    /** Each dialect's own SQL, with the same binds. */
    static void assertSql(Statement stmt, String sqlite, String postgres, String mariadb, List<?> params) {
        assertSql(stmt, SQLITE, sqlite, params);
        assertSql(stmt, POSTGRES, postgres, params);
        assertSql(stmt, MARIADB, mariadb, params);
    }

    /** Compiling fails with a {@link NotSupportedException} that names the database and the construct. */
    static void assertNotSupported(Statement stmt, Dialect dialect, String construct) {
        assertThatThrownBy(() -> dialect.compile(stmt)).isInstanceOf(NotSupportedException.class)
                .hasMessageContaining(((dev.vellum.dialect.spi.BaseDialect) dialect).displayName())
                .hasMessageContaining(construct);
    }

    /** As many values (and types) as placeholders. */
    static void assertBindCount(Compiled c, Dialect dialect) {
        assertThat(placeholders(c.sql(), dialect)).as("placeholders in %s", c.sql()).isEqualTo(c.params().size());
        assertThat(c.paramTypes()).hasSameSizeAs(c.params());
    }

    /**
     * The number of {@code ?} placeholders in {@code sql}: those outside string literals and quoted identifiers.
     */
    static int placeholders(String sql, Dialect dialect) {
        return placeholderPositions(sql, dialect).size();
    }

    /**
     * Where the {@code ?} placeholders of {@code sql} are: outside string literals and quoted identifiers (quotes
     * inside them are doubled; on MariaDB a backslash also escapes the next character of a string literal).
     */
    static List<Integer> placeholderPositions(String sql, Dialect dialect) {
        boolean backslashes = dialect.name().equals("mariadb");
        var positions = new ArrayList<Integer>();
        char open = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (open == 0) {
                if (ch == '\'' || ch == '"' || ch == '`') {
                    open = ch;
                } else if (ch == '?') {
                    positions.add(i);
                }
            } else if (ch == '\\' && open == '\'' && backslashes) {
                i++;
            } else if (ch == open) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == open) {
                    i++;
                } else {
                    open = 0;
                }
            }
        }
        return positions;
    }
}
