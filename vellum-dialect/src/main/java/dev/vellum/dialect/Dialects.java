package dev.vellum.dialect;

import dev.vellum.dialect.mariadb.MariaDbDialect;
import dev.vellum.dialect.postgres.PostgresDialect;
import dev.vellum.dialect.sqlite.SqliteDialect;
import dev.vellum.error.InterfaceException;

/**
 * The built-in dialects, by name.
 *
 * @since 0.1
 */
public final class Dialects {
    /** SQLite 3.35 or later. */
    public static final Dialect SQLITE = new SqliteDialect();
    /** PostgreSQL 12 or later. */
    public static final Dialect POSTGRESQL = new PostgresDialect();
    /** MariaDB 10.7 or later (for its UUID type). */
    public static final Dialect MARIADB = new MariaDbDialect();

    private Dialects() {
    }

    /** The dialect named {@code sqlite}, {@code postgresql} or {@code mariadb} (also {@code mysql}). */
    public static Dialect forName(String name) {
        return switch (name == null ? "" : name.toLowerCase(java.util.Locale.ROOT)) {
            case "sqlite" -> SQLITE;
            case "postgresql", "postgres" -> POSTGRESQL;
            case "mariadb", "mysql" -> MARIADB;
            default -> throw new InterfaceException("no dialect named '" + name + "'; Vellum has sqlite, postgresql"
                    + " and mariadb");
        };
    }
}
