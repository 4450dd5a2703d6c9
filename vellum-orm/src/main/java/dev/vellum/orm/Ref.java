package dev.vellum.orm;

import dev.vellum.orm.internal.Refs;

/**
 * A to-one relationship loaded on first use, since Java cannot intercept a plain field read: declare
 * {@code @ManyToOne Ref<User> author} where a plain {@code User author} field would be loaded with its owner.
 * {@link #get()} loads the target (batched with the other objects loaded together, see
 * {@link LoadStrategy#LAZY}); {@link #id()} answers without loading. Set one with {@link #of(Object)}.
 *
 * @param <T> the target entity type
 * @since 0.1
 */
public interface Ref<T> {
    /** The target, loaded now if needed; {@code null} for an empty reference. */
    T get();

    /** The target's id without loading it; {@code null} when empty or when the target has no id yet. */
    Object id();

    /** True when {@link #get()} answers without a query. */
    boolean isLoaded();

    /** A reference to an object already at hand (or {@code null} for none). */
    static <T> Ref<T> of(T target) {
        return Refs.of(target);
    }
}
