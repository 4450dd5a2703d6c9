package dev.vellum.engine.internal;

import dev.vellum.error.InterfaceException;

/** Argument checks that fail with an {@link InterfaceException} naming the argument, never a bare NPE. */
final class Checks {
    private Checks() {
    }

    static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new InterfaceException(what + " must not be null");
        }
        return value;
    }
}
