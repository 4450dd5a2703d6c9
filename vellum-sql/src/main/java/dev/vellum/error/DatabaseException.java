package dev.vellum.error;

/**
 * An error reported by (or on the way to) the database. It carries the SQLState and vendor code the driver gave,
 * the SQL text that failed (never its bind values, which may be secrets), and whether retrying the whole
 * transaction may succeed ({@link #isTransient()}: deadlocks, serialization failures, lost connections).
 *
 * <p>The subclasses follow PEP 249. Vellum maps a driver's {@code SQLException} to exactly one of them from its
 * SQLState and vendor code; which subclass a given failure becomes is the same on every supported database.
 *
 * @since 0.1
 */
public class DatabaseException extends VellumException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final String sqlState;
    private final int vendorCode;
    private final boolean transientFailure;

    /**
     * @param message          the cause in words (the SQL is appended by {@link #getMessage()})
     * @param detail           SQL, SQLState, vendor code and transience of the failure
     * @param cause            the driver's exception, or {@code null} when Vellum detected the error itself
     */
    public DatabaseException(String message, Detail detail, Throwable cause) {
        super(message, cause);
        this.sql = detail.sql();
        this.sqlState = detail.sqlState();
        this.vendorCode = detail.vendorCode();
        this.transientFailure = detail.transientFailure();
    }

    /** The SQL text that failed, or {@code null} when the failure was not tied to a statement. */
    public String sql() {
        return sql;
    }

    /** The five-character SQLState from the driver, or {@code null} when there was none. */
    public String sqlState() {
        return sqlState;
    }

    /** The database's own error code (MariaDB errno, SQLite result code; 0 for PostgreSQL). */
    public int vendorCode() {
        return vendorCode;
    }

    /**
     * True when running the same transaction again may succeed: a deadlock, a serialization failure, a lost or
     * refused connection, a busy SQLite database.
     */
    public boolean isTransient() {
        return transientFailure;
    }

    @Override
    public String getMessage() {
        var base = super.getMessage();
        return sql == null ? base : base + " [SQL: " + abbreviate(sql) + "]";
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }

    /**
     * What a {@link DatabaseException} records besides its message.
     *
     * @param sql              the statement that failed, or {@code null}
     * @param sqlState         SQLState from the driver, or {@code null}
     * @param vendorCode       the database's own error code, or 0
     * @param transientFailure whether a retry of the transaction may succeed
     */
    public record Detail(String sql, String sqlState, int vendorCode, boolean transientFailure) {
        /** A failure Vellum detected itself for {@code sql}: no SQLState, not transient. */
        public static Detail of(String sql) {
            return new Detail(sql, null, 0, false);
        }
    }
}
