package dev.vellum.error;

/**
 * Root of every exception Vellum raises. Catch this to handle any data-access failure at once.
 *
 * @since 0.1
 */
public class VellumException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the cause
     * @param cause   the underlying exception, or {@code null}
     */
    public VellumException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what went wrong, naming the cause */
    public VellumException(String message) {
        super(message);
    }
}
