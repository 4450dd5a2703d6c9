package dev.vellum.error;

/**
 * A constraint refused the change: unique, primary key, foreign key, not null or check.
 *
 * @since 0.1
 */
public class IntegrityException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the cause in words
     * @param detail  SQL, SQLState, vendor code and transience
     * @param cause   the driver's exception, or {@code null}
     */
    public IntegrityException(String message, Detail detail, Throwable cause) {
        super(message, detail, cause);
    }
}
