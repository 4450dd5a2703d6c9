package dev.vellum.orm;

import java.util.List;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.ast.Expression;

/**
 * One row of a query over several entities and columns, SQLAlchemy's {@code Row} of {@code select(User, Post)}:
 * {@code sess.select(Author.class, Post.class).join(Author_.posts).all()} gives tuples whose parts are the session's
 * objects (one per row identity) and plain column values, in the order they were selected.
 *
 * @param values the parts, in selection order
 * @param parts  what each part is: an entity class or a Core expression
 * @since 0.1
 */
public record Tuple(List<Object> values, List<Object> parts) {
    /** Copies the lists. */
    public Tuple {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        parts = List.copyOf(parts);
    }

    /** Part {@code index} (0-based). */
    public Object get(int index) {
        return values.get(index);
    }

    /** Part {@code index}, cast to {@code type}. */
    public <T> T get(int index, Class<T> type) {
        return type.cast(values.get(index));
    }

    /** The object of entity class {@code type} (the first such part). */
    public <T> T get(Class<T> type) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) == type) {
                return type.cast(values.get(i));
            }
        }
        throw new InterfaceException("this tuple has no " + type.getSimpleName() + "; it has " + parts);
    }

    /** The value of the selected column or expression {@code column}. */
    public <T> T get(Expression<T> column) {
        int i = parts.indexOf(column);
        if (i < 0) {
            throw new InterfaceException("this tuple has no part " + column + "; it has " + parts);
        }
        @SuppressWarnings("unchecked")
        T value = (T) values.get(i);
        return value;
    }

    /** The number of parts. */
    public int size() {
        return values.size();
    }
}
