package dev.vellum.error;

/**
 * A value the database cannot store or convert: out of range, bad encoding (a NUL character in PostgreSQL text),
 * division by zero.
 *
 * @since 0.1
 */
public class DataException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the cause in words
     * @param detail  SQL, SQLState, vendor code and transience
     * @param cause   the driver's exception, or {@code null}
     */
    public DataException(String message, Detail detail, Throwable cause) {
        super(message, detail, cause);
    }
}
