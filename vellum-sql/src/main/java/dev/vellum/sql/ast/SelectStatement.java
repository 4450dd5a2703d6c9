package dev.vellum.sql.ast;

import java.util.List;

import dev.vellum.error.InterfaceException;

/**
 * A query: a plain {@link Select} or a set operation of queries ({@link CompoundSelect}). Any query can be used
 * as a subquery: {@link #as} makes a derived table, {@link #asScalar()} a single value, {@link #exists()} a test.
 *
 * @since 0.1
 */
public sealed interface SelectStatement extends Statement permits Select, CompoundSelect {
    /** The expressions of the result row, in order. */
    List<Expression<?>> selected();

    /** {@code this UNION other}. */
    default CompoundSelect union(SelectStatement other) {
        return CompoundSelect.of(CompoundSelect.Kind.UNION, false, this, other);
    }

    /** {@code this UNION ALL other}. */
    default CompoundSelect unionAll(SelectStatement other) {
        return CompoundSelect.of(CompoundSelect.Kind.UNION, true, this, other);
    }

    /** {@code this INTERSECT other}. */
    default CompoundSelect intersect(SelectStatement other) {
        return CompoundSelect.of(CompoundSelect.Kind.INTERSECT, false, this, other);
    }

    /** {@code this EXCEPT other}. */
    default CompoundSelect except(SelectStatement other) {
        return CompoundSelect.of(CompoundSelect.Kind.EXCEPT, false, this, other);
    }

    /** This query as a derived table: {@code (SELECT ...) AS alias}. */
    default DerivedTable as(String alias) {
        return new DerivedTable(this, alias);
    }

    /** This one-column query as a value: {@code (SELECT ...)}. */
    @SuppressWarnings("unchecked")
    default <T> Expression<T> asScalar() {
        if (selected().size() != 1) {
            throw new InterfaceException("a scalar subquery selects exactly one column; this one selects "
                    + selected().size());
        }
        var only = (Expression<T>) selected().get(0);
        return new Expression.ScalarSubquery<>(this, only.type());
    }

    /** {@code EXISTS (this)}. */
    default Condition exists() {
        return new Condition.Exists(this, false);
    }
}
