package dev.vellum.error;

/**
 * Misuse on the client side, detected before or without the database: a closed connection, a malformed URL, an
 * unknown scheme, a missing driver. Never transient: retrying the same call fails the same way.
 *
 * @since 0.1
 */
public class InterfaceException extends VellumException {
    private static final long serialVersionUID = 1L;

    /** @param message what was misused */
    public InterfaceException(String message) {
        super(message);
    }

    /**
     * @param message what was misused
     * @param cause   the underlying exception
     */
    public InterfaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
