package dev.vellum.engine;

import java.util.List;

/**
 * A {@code UNIQUE} constraint, from {@link Inspector#uniqueConstraints(String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name    the constraint name; {@code null} on SQLite unless declared with {@code CONSTRAINT name}
 * @param columns the columns, in order
 * @since 0.1
 */
public record ReflectedUnique(String name, List<String> columns) {
    /** Copies the list. */
    public ReflectedUnique {
        columns = List.copyOf(columns);
    }
}
