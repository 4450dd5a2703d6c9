package dev.vellum.error;

/**
 * The database reports its own state as inconsistent with the request, such as a write inside a read-only transaction
 * (SQLState class 25), or an internal error (class XX).
 *
 * @since 0.1
 */
public class InternalException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the cause in words
     * @param detail  SQL, SQLState, vendor code and transience
     * @param cause   the driver's exception, or {@code null}
     */
    public InternalException(String message, Detail detail, Throwable cause) {
        super(message, detail, cause);
    }
}
