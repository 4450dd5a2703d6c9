package dev.vellum.orm.internal;

import dev.vellum.orm.Ref;

/**
 * The {@link Ref} a session puts in a lazy to-one field: it knows the target's id, and loads the target on first
 * {@link #get()} together with the targets of the other objects loaded in the same batch.
 *
 * @param <T> the target entity type
 */
final class LazyRef<T> implements Ref<T> {
    private final Lazy lazy;
    private final Object owner;
    private final Object id;
    private T target;
    private boolean loaded;

    LazyRef(Lazy lazy, Object owner, Object id) {
        this.lazy = lazy;
        this.owner = owner;
        this.id = id;
    }

    @Override
    public T get() {
        if (!loaded) {
            lazy.load(owner);
        }
        return target;
    }

    /** Called by the loader with the target found for {@link #id()}. */
    @SuppressWarnings("unchecked")
    void resolve(Object found) {
        target = (T) found;
        loaded = true;
    }

    @Override
    public Object id() {
        return id;
    }

    @Override
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    public String toString() {
        return loaded ? "Ref[" + target + "]" : "Ref[" + lazy.relation().targetClass.getSimpleName() + "#" + id
                + ", not loaded]";
    }
}
