package dev.vellum.engine;

import java.util.List;

/**
 * An index, from {@link Inspector#indexes(String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name        the index name
 * @param columns     the indexed columns, in order; an expression part of an expression index stands as its SQL
 *                    text ({@code lower(email)})
 * @param unique      true for a unique index
 * @param expressions true when some part is an expression rather than a column
 * @since 0.1
 */
public record ReflectedIndex(String name, List<String> columns, boolean unique, boolean expressions) {
    /** Copies the list. */
    public ReflectedIndex {
        columns = List.copyOf(columns);
    }
}
