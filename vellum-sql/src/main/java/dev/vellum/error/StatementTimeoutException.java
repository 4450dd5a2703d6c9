package dev.vellum.error;

/**
 * A statement ran past its timeout and was cancelled on the server. The transaction it ran in is still open
 * (PostgreSQL marks it failed until rolled back).
 *
 * @since 0.1
 */
public class StatementTimeoutException extends OperationalException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the cause in words, naming the timeout
     * @param detail  SQL, SQLState and vendor code of the cancellation
     * @param cause   the driver's cancellation exception
     */
    public StatementTimeoutException(String message, Detail detail, Throwable cause) {
        super(message, detail, cause);
    }
}
