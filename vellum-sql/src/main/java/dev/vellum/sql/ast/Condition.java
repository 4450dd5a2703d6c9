package dev.vellum.sql.ast;

import java.util.ArrayList;
import java.util.List;

import dev.vellum.sql.SqlType;
import dev.vellum.sql.SqlTypes;

/**
 * A boolean SQL expression: what {@code WHERE}, {@code ON}, {@code HAVING} and {@code CASE WHEN} take. Combine
 * with {@link #and}, {@link #or} and {@link #not}. Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface Condition extends Expression<Boolean> permits Condition.Comparison, Condition.Junction,
        Condition.Not, Condition.Like, Condition.Between, Condition.InList, Condition.InSelect, Condition.Exists,
        Condition.IsNull, Condition.Truth, Condition.JsonContains {

    @Override
    default SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    /** {@code this AND other}. */
    default Condition and(Condition other) {
        return Junction.of(Junction.Kind.AND, this, Nodes.notNull(other, "the condition of and"));
    }

    /** {@code this OR other}. */
    default Condition or(Condition other) {
        return Junction.of(Junction.Kind.OR, this, Nodes.notNull(other, "the condition of or"));
    }

    /** {@code NOT this}. */
    default Condition not() {
        return new Not(this);
    }

    /** Comparison operators. */
    enum Op {
        /** {@code =}. */ EQ("="),
        /** {@code <>}. */ NE("<>"),
        /** {@code <}. */ LT("<"),
        /** {@code <=}. */ LE("<="),
        /** {@code >}. */ GT(">"),
        /** {@code >=}. */ GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The SQL operator. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * {@code left op right}.
     *
     * @param op    the operator
     * @param left  the left side
     * @param right the right side
     */
    record Comparison(Op op, Expression<?> left, Expression<?> right) implements Condition {
    }

    /**
     * Conditions joined by {@code AND} or {@code OR}; an empty AND is true and an empty OR false.
     *
     * @param kind  AND or OR
     * @param terms the conditions
     */
    record Junction(Kind kind, List<Condition> terms) implements Condition {
        /** AND or OR. */
        public enum Kind {
            /** Every term holds. */ AND,
            /** Some term holds. */ OR
        }

        /** Copies the terms. */
        public Junction {
            terms = List.copyOf(terms);
        }

        /** Joins two conditions, flattening nested junctions of the same kind. */
        static Junction of(Kind kind, Condition a, Condition b) {
            List<Condition> terms = new ArrayList<>();
            for (Condition c : List.of(a, b)) {
                if (c instanceof Junction j && j.kind == kind) {
                    terms.addAll(j.terms);
                } else {
                    terms.add(c);
                }
            }
            return new Junction(kind, terms);
        }
    }

    /**
     * {@code NOT operand}.
     *
     * @param operand the negated condition
     */
    record Not(Condition operand) implements Condition {
    }

    /**
     * {@code operand [NOT] LIKE pattern [ESCAPE 'c']}, case-insensitive when {@code ignoreCase}.
     *
     * @param operand    the tested value
     * @param pattern    the pattern (a bind)
     * @param escape     the escape character, or {@code null}
     * @param ignoreCase ILIKE
     * @param negated    NOT LIKE
     */
    record Like(Expression<?> operand, Expression<String> pattern, Character escape, boolean ignoreCase,
                boolean negated) implements Condition {
    }

    /**
     * {@code operand [NOT] BETWEEN low AND high}.
     *
     * @param operand the tested value
     * @param low     the lower bound
     * @param high    the upper bound
     * @param negated NOT BETWEEN
     */
    record Between(Expression<?> operand, Expression<?> low, Expression<?> high, boolean negated)
            implements Condition {
    }

    /**
     * {@code operand [NOT] IN (v1, v2, ...)}.
     *
     * @param operand the tested value
     * @param values  the list (possibly empty)
     * @param negated NOT IN
     */
    record InList(Expression<?> operand, List<Expression<?>> values, boolean negated) implements Condition {
        /** Copies the list. */
        public InList {
            values = List.copyOf(values);
        }
    }

    /**
     * {@code operand [NOT] IN (subquery)}.
     *
     * @param operand  the tested value
     * @param subquery the query
     * @param negated  NOT IN
     */
    record InSelect(Expression<?> operand, SelectStatement subquery, boolean negated) implements Condition {
    }

    /**
     * {@code [NOT] EXISTS (subquery)}.
     *
     * @param subquery the query
     * @param negated  NOT EXISTS
     */
    record Exists(SelectStatement subquery, boolean negated) implements Condition {
    }

    /**
     * {@code operand IS [NOT] NULL}.
     *
     * @param operand the tested value
     * @param negated IS NOT NULL
     */
    record IsNull(Expression<?> operand, boolean negated) implements Condition {
    }

    /**
     * A boolean expression used as a condition, such as a boolean column.
     *
     * @param operand the boolean expression
     */
    record Truth(Expression<Boolean> operand) implements Condition {
    }

    /**
     * {@code json @> other}: the JSON value contains the other one (PostgreSQL {@code jsonb}; {@code JSON_CONTAINS}
     * on MariaDB).
     *
     * @param json  the containing JSON
     * @param other the contained JSON (a bind of JSON text)
     */
    record JsonContains(Expression<?> json, Expression<?> other) implements Condition {
    }
}
