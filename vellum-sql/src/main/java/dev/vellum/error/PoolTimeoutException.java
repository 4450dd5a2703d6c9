package dev.vellum.error;

/**
 * No pooled connection became free within the pool timeout: every connection the pool may open
 * ({@code poolSize + maxOverflow}) was in use for the whole wait. The message names the pool size and the wait.
 * Transient: a later attempt may find a free connection.
 *
 * @since 0.1
 */
public class PoolTimeoutException extends OperationalException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the pool's limits and how long the caller waited
     * @param cause   the pool's own exception
     */
    public PoolTimeoutException(String message, Throwable cause) {
        super(message, new Detail(null, null, 0, true), cause);
    }
}
