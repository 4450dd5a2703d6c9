package dev.vellum.error;

/**
 * The statement itself is wrong: a syntax error, an unknown table or column, a bind missing, extra or out of range.
 * Raised before anything is sent when Vellum can tell.
 *
 * @since 0.1
 */
public class ProgrammingException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the cause in words
     * @param detail  SQL, SQLState, vendor code and transience
     * @param cause   the driver's exception, or {@code null}
     */
    public ProgrammingException(String message, Detail detail, Throwable cause) {
        super(message, detail, cause);
    }
}
