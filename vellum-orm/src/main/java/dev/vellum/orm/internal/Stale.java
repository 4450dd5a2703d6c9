package dev.vellum.orm.internal;

import dev.vellum.error.StaleDataException;

/** The {@link StaleDataException} for a versioned or keyed write that matched no row. */
final class Stale {
    private Stale() {
    }

    static StaleDataException of(Entry e, Object expectedVersion, String verb) {
        String why = expectedVersion == null ? "its row no longer exists"
                : "its row is no longer at version " + expectedVersion + " (changed or deleted by another transaction)";
        return new StaleDataException(verb + " of " + e + " matched no row: " + why + "; nothing was overwritten",
                null);
    }
}
