package dev.vellum.orm;

/**
 * Work done in a session that returns a value, for {@link Orm#inSession(SessionCallback)}.
 *
 * @param <R> the value returned
 * @param <X> the checked exception the work may throw (use {@code RuntimeException} for none)
 * @since 0.1
 */
@FunctionalInterface
public interface SessionCallback<R, X extends Exception> {
    /** Does the work in {@code session}; the caller commits or rolls back. */
    R inSession(Session session) throws X;
}
