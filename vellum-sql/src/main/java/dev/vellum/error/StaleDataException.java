package dev.vellum.error;

/**
 * An optimistic lock was lost: an UPDATE or DELETE of a versioned entity matched no row, because another
 * transaction changed or deleted the row after this one read it. Nothing was overwritten; reload and try again.
 *
 * @since 0.1
 */
public class StaleDataException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which entity and version were expected
     * @param sql     the statement that matched no row
     */
    public StaleDataException(String message, String sql) {
        super(message, Detail.of(sql), null);
    }
}
