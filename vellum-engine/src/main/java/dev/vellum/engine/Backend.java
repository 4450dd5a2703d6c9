package dev.vellum.engine;

import java.util.Locale;

import dev.vellum.error.InterfaceException;

/**
 * The database a {@link Url} points at, named as SQLAlchemy names its dialects. {@code mysql} URLs select
 * {@link #MARIADB} (one driver, MariaDB's, serves both); {@code postgres} is accepted for {@link #POSTGRESQL}.
 *
 * @since 0.1
 */
public enum Backend {
    /** SQLite through sqlite-jdbc: a file, or memory. */
    SQLITE("sqlite", "org.sqlite.JDBC", "org.xerial:sqlite-jdbc"),
    /** PostgreSQL through pgjdbc. */
    POSTGRESQL("postgresql", "org.postgresql.Driver", "org.postgresql:postgresql"),
    /** MariaDB and MySQL through mariadb-java-client. */
    MARIADB("mariadb", "org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client");

    private final String scheme;
    private final String driverClass;
    private final String driverArtifact;

    Backend(String scheme, String driverClass, String driverArtifact) {
        this.scheme = scheme;
        this.driverClass = driverClass;
        this.driverArtifact = driverArtifact;
    }

    /** The canonical URL scheme: {@code sqlite}, {@code postgresql} or {@code mariadb}. */
    public String scheme() {
        return scheme;
    }

    /** The JDBC driver class Vellum loads for this backend. */
    public String driverClass() {
        return driverClass;
    }

    /** The Maven coordinates of that driver, for error messages that say what to add. */
    public String driverArtifact() {
        return driverArtifact;
    }

    /**
     * The backend for a URL scheme (the part before {@code +driver}, if any), case-insensitively.
     *
     * @throws InterfaceException naming the scheme and the supported ones when it is unknown
     */
    public static Backend forScheme(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "sqlite" -> SQLITE;
            case "postgresql", "postgres" -> POSTGRESQL;
            case "mariadb", "mysql" -> MARIADB;
            default -> throw new InterfaceException("unknown database '" + scheme
                    + "': Vellum supports sqlite, postgresql, mariadb and mysql");
        };
    }
}
