package dev.vellum.error;

/**
 * A result did not have the shape the caller asked for: {@code one()} found no row or more than one, or rows were
 * asked of a statement that returned none. The statement itself succeeded.
 *
 * @since 0.1
 */
public class InvalidResultException extends VellumException {
    private static final long serialVersionUID = 1L;

    /** @param message what was expected and what was found */
    public InvalidResultException(String message) {
        super(message);
    }
}
