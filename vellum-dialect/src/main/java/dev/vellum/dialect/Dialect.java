package dev.vellum.dialect;

import dev.vellum.sql.ast.Statement;

/**
 * How one database spells SQL: compiles statements to {@link Compiled} SQL plus binds, quotes identifiers, and
 * says what the database can do. Compiled SQL is cached per statement shape (the statement with its bound values
 * left out), so running the same query with other values does not compile again. Thread-safe.
 *
 * @since 0.1
 */
public interface Dialect {
    /** The dialect's name: {@code sqlite}, {@code postgresql} or {@code mariadb}. */
    String name();

    /**
     * Compiles a statement.
     *
     * @throws dev.vellum.error.NotSupportedException when this database cannot express a construct of it
     */
    Compiled compile(Statement statement);

    /** An identifier quoted when it needs to be (reserved words, upper case, anything but letters and digits). */
    String quote(String identifier);

    /** The most bind parameters one statement may carry on this database. */
    int maxBindParameters();

    /** True when {@code UPDATE ... RETURNING} works (not on MariaDB). */
    boolean supportsUpdateReturning();
}
