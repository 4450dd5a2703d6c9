package dev.vellum.error;

/**
 * The database could not carry out the operation for reasons outside the statement: the connection was refused or
 * lost, a lock or statement timeout, a busy database, resources exhausted.
 *
 * @since 0.1
 */
public class OperationalException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the cause in words
     * @param detail  SQL, SQLState, vendor code and transience
     * @param cause   the driver's exception, or {@code null}
     */
    public OperationalException(String message, Detail detail, Throwable cause) {
        super(message, detail, cause);
    }
}
