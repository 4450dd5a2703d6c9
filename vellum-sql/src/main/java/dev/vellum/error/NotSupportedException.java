package dev.vellum.error;

/**
 * A construct or feature the database cannot express.
 *
 * @since 0.1
 */
public class NotSupportedException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the cause in words
     * @param detail  SQL, SQLState, vendor code and transience
     * @param cause   the driver's exception, or {@code null}
     */
    public NotSupportedException(String message, Detail detail, Throwable cause) {
        super(message, detail, cause);
    }
}
