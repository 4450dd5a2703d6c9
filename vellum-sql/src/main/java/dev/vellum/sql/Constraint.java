package dev.vellum.sql;

import java.util.List;

import dev.vellum.sql.ast.Condition;

/**
 * A named table constraint besides keys: {@link Unique} or {@link Check}.
 *
 * @since 0.1
 */
public sealed interface Constraint permits Constraint.Unique, Constraint.Check {
    /** The constraint name, or {@code null} to let the database name it. */
    String name();

    /**
     * {@code UNIQUE (columns)}.
     *
     * @param name    the name, or {@code null}
     * @param columns the columns
     */
    record Unique(String name, List<Column<?>> columns) implements Constraint {
        /** Copies the columns. */
        public Unique {
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code CHECK (condition)}; the condition's values are written into the DDL as literals.
     *
     * @param name      the name, or {@code null}
     * @param condition the condition
     */
    record Check(String name, Condition condition) implements Constraint {
    }
}
