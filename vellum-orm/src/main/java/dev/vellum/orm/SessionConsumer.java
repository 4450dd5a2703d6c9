package dev.vellum.orm;

/**
 * Work done in a session that returns nothing, for {@link Orm#useSession(SessionConsumer)}.
 *
 * @param <X> the checked exception the work may throw (use {@code RuntimeException} for none)
 * @since 0.1
 */
@FunctionalInterface
public interface SessionConsumer<X extends Exception> {
    /** Does the work in {@code session}; the caller commits or rolls back. */
    void inSession(Session session) throws X;
}
