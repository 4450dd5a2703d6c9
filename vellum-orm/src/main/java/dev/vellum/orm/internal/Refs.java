package dev.vellum.orm.internal;

import dev.vellum.orm.Ref;

/** The {@link Ref} of an object already at hand, as {@code Ref.of(user)} makes it. */
public final class Refs {
    private Refs() {
    }

    /** A loaded reference to {@code target}; its id is read from the target's mapping. */
    public static <T> Ref<T> of(T target) {
        return new Given<>(target);
    }

    private record Given<T>(T target) implements Ref<T> {
        @Override
        public T get() {
            return target;
        }

        @Override
        public Object id() {
            return target == null ? null : Mappings.entity(target.getClass()).id(target);
        }

        @Override
        public boolean isLoaded() {
            return true;
        }

        @Override
        public String toString() {
            return "Ref[" + target + "]";
        }
    }
}
