package dev.vellum.engine;

import java.sql.Connection;

/**
 * Transaction isolation levels, as SQLAlchemy's {@code isolation_level} names them. {@link #AUTOCOMMIT} is not a
 * level but a mode: every statement commits by itself. SQLite supports only {@link #SERIALIZABLE} (its only
 * level) and {@link #AUTOCOMMIT}.
 *
 * @since 0.1
 */
public enum IsolationLevel {
    /** Dirty reads allowed. */
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    /** PostgreSQL's default. */
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    /** MariaDB's default. */
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    /** Full serializability; concurrent conflicting transactions fail with a transient error to retry. */
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE),
    /** No transactions: each statement commits by itself. */
    AUTOCOMMIT(Connection.TRANSACTION_NONE);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The JDBC constant of this level ({@code TRANSACTION_NONE} for {@link #AUTOCOMMIT}). */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
