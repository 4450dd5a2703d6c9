package dev.vellum.sql.ast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.Column;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.SqlTypes;

/**
 * A typed SQL value expression: a column, a bound value, an operation, a function call, a subquery. The default
 * methods build bigger expressions ({@code USERS.age.gt(18)}, {@code USERS.name.asc()}); every value they take
 * becomes a bind parameter, never SQL text. Immutable and thread-safe.
 *
 * <p>Equality is structural and ignores bound values: {@code AGE.gt(18)} equals {@code AGE.gt(21)}. That is the
 * statement's shape, which the compiled-SQL cache is keyed on; read the values with {@code Bind#value()}.
 *
 * @param <T> the Java type of the expression's values
 * @since 0.1
 */
public sealed interface Expression<T> permits Column, Condition, Expression.Bind, Expression.Arithmetic,
        Expression.Concat, Expression.Func, Expression.Case, Expression.Cast, Expression.Window, Expression.Label,
        Expression.ScalarSubquery, Expression.Excluded, Expression.QualifiedColumn, Expression.JsonGet {

    /** The SQL type of the expression's values. */
    SqlType<T> type();

    // --- comparisons (a null value compares with IS NULL / IS NOT NULL, as in SQLAlchemy)

    /** {@code this = value}; {@code IS NULL} when {@code value} is null. */
    default Condition eq(T value) {
        return value == null ? isNull() : eq(bindOf(value));
    }

    /** {@code this = other}. */
    default Condition eq(Expression<? extends T> other) {
        return new Condition.Comparison(Condition.Op.EQ, this, Nodes.notNull(other, "the right side of eq"));
    }

    /** {@code this <> value}; {@code IS NOT NULL} when {@code value} is null. */
    default Condition ne(T value) {
        return value == null ? isNotNull() : ne(bindOf(value));
    }

    /** {@code this <> other}. */
    default Condition ne(Expression<? extends T> other) {
        return new Condition.Comparison(Condition.Op.NE, this, Nodes.notNull(other, "the right side of ne"));
    }

    /** {@code this < value}. */
    default Condition lt(T value) {
        return lt(bindOf(Nodes.notNull(value, "the value of lt")));
    }

    /** {@code this < other}. */
    default Condition lt(Expression<? extends T> other) {
        return new Condition.Comparison(Condition.Op.LT, this, Nodes.notNull(other, "the right side of lt"));
    }

    /** {@code this <= value}. */
    default Condition le(T value) {
        return le(bindOf(Nodes.notNull(value, "the value of le")));
    }

    /** {@code this <= other}. */
    default Condition le(Expression<? extends T> other) {
        return new Condition.Comparison(Condition.Op.LE, this, Nodes.notNull(other, "the right side of le"));
    }

    /** {@code this > value}. */
    default Condition gt(T value) {
        return gt(bindOf(Nodes.notNull(value, "the value of gt")));
    }

    /** {@code this > other}. */
    default Condition gt(Expression<? extends T> other) {
        return new Condition.Comparison(Condition.Op.GT, this, Nodes.notNull(other, "the right side of gt"));
    }

    /** {@code this >= value}. */
    default Condition ge(T value) {
        return ge(bindOf(Nodes.notNull(value, "the value of ge")));
    }

    /** {@code this >= other}. */
    default Condition ge(Expression<? extends T> other) {
        return new Condition.Comparison(Condition.Op.GE, this, Nodes.notNull(other, "the right side of ge"));
    }

    /** {@code this IS NULL}. */
    default Condition isNull() {
        return new Condition.IsNull(this, false);
    }

    /** {@code this IS NOT NULL}. */
    default Condition isNotNull() {
        return new Condition.IsNull(this, true);
    }

    /** {@code this BETWEEN low AND high}. */
    default Condition between(T low, T high) {
        return new Condition.Between(this, bindOf(Nodes.notNull(low, "the low end of between")),
                bindOf(Nodes.notNull(high, "the high end of between")), false);
    }

    /**
     * {@code this IN (?, ?, ...)}, one bind per value. An empty collection gives a condition that is false for
     * every row (and {@link #notIn} one that is true), as in SQLAlchemy, instead of invalid SQL.
     */
    default Condition in(Collection<? extends T> values) {
        return new Condition.InList(this, bindsOf(values), false);
    }

    /** {@code this IN (?, ?, ...)}. */
    @SuppressWarnings("unchecked")
    default Condition in(T... values) {
        return in(Arrays.asList(Nodes.notNull(values, "the values of in")));
    }

    /** {@code this IN (subquery)}. */
    default Condition in(SelectStatement subquery) {
        return new Condition.InSelect(this, Nodes.notNull(subquery, "the subquery of in"), false);
    }

    /** {@code this NOT IN (?, ?, ...)}; true for every row when {@code values} is empty. */
    default Condition notIn(Collection<? extends T> values) {
        return new Condition.InList(this, bindsOf(values), true);
    }

    /** {@code this NOT IN (subquery)}. */
    default Condition notIn(SelectStatement subquery) {
        return new Condition.InSelect(this, Nodes.notNull(subquery, "the subquery of notIn"), true);
    }

    /** {@code this LIKE pattern} (case-sensitive on PostgreSQL; the others follow their collation). */
    default Condition like(String pattern) {
        return new Condition.Like(this, textBind(pattern, "like"), null, false, false);
    }

    /** {@code this LIKE pattern ESCAPE 'escape'}: {@code escape} makes the next {@code %} or {@code _} literal. */
    default Condition like(String pattern, char escape) {
        return new Condition.Like(this, textBind(pattern, "like"), escape, false, false);
    }

    /** {@code this NOT LIKE pattern}. */
    default Condition notLike(String pattern) {
        return new Condition.Like(this, textBind(pattern, "notLike"), null, false, true);
    }

    /** Case-insensitive LIKE: {@code ILIKE} on PostgreSQL, {@code lower(this) LIKE lower(pattern)} elsewhere. */
    default Condition ilike(String pattern) {
        return new Condition.Like(this, textBind(pattern, "ilike"), null, true, false);
    }

    /** Case-insensitive LIKE with an escape character. */
    default Condition ilike(String pattern, char escape) {
        return new Condition.Like(this, textBind(pattern, "ilike"), escape, true, false);
    }

    // --- arithmetic and text

    /** {@code this + value}. */
    default Expression<T> plus(T value) {
        return plus(bindOf(Nodes.notNull(value, "the value of plus")));
    }

    /** {@code this + other}. */
    default Expression<T> plus(Expression<? extends T> other) {
        return new Arithmetic<>(ArithmeticOp.PLUS, this, Nodes.notNull(other, "the right side of plus"), type());
    }

    /** {@code this - value}. */
    default Expression<T> minus(T value) {
        return minus(bindOf(Nodes.notNull(value, "the value of minus")));
    }

    /** {@code this - other}. */
    default Expression<T> minus(Expression<? extends T> other) {
        return new Arithmetic<>(ArithmeticOp.MINUS, this, Nodes.notNull(other, "the right side of minus"), type());
    }

    /** {@code this * value}. */
    default Expression<T> times(T value) {
        return times(bindOf(Nodes.notNull(value, "the value of times")));
    }

    /** {@code this * other}. */
    default Expression<T> times(Expression<? extends T> other) {
        return new Arithmetic<>(ArithmeticOp.TIMES, this, Nodes.notNull(other, "the right side of times"), type());
    }

    /** {@code this / value} (integer division on integer types, as the database does it). */
    default Expression<T> dividedBy(T value) {
        return dividedBy(bindOf(Nodes.notNull(value, "the value of dividedBy")));
    }

    /** {@code this / other}. */
    default Expression<T> dividedBy(Expression<? extends T> other) {
        return new Arithmetic<>(ArithmeticOp.DIVIDE, this, Nodes.notNull(other, "the right side of dividedBy"),
                type());
    }

    /** Text concatenation: {@code ||} on PostgreSQL and SQLite, {@code CONCAT()} on MariaDB. */
    default Expression<String> concat(Expression<?> other) {
        return new Concat(this, Nodes.notNull(other, "the right side of concat"));
    }

    /** Text concatenation with a bound string. */
    default Expression<String> concat(String text) {
        return concat(textBind(text, "concat"));
    }

    /** {@code CAST(this AS type)}. */
    default <U> Expression<U> cast(SqlType<U> type) {
        return new Cast<>(this, Nodes.notNull(type, "the type of cast"));
    }

    /** This expression under a name: {@code expr AS alias} in a select list. */
    default Expression<T> as(String alias) {
        return new Label<>(this, Nodes.identifier(alias, "the label"));
    }

    // --- ordering

    /** Ascending order. */
    default OrderItem asc() {
        return new OrderItem(this, OrderItem.Direction.ASC, OrderItem.Nulls.DEFAULT);
    }

    /** Descending order. */
    default OrderItem desc() {
        return new OrderItem(this, OrderItem.Direction.DESC, OrderItem.Nulls.DEFAULT);
    }

    // --- helpers for the defaults above

    /** A bind of {@code value} typed like this expression. */
    default Bind<T> bindOf(T value) {
        return new Bind<>(value, type());
    }

    private List<Expression<?>> bindsOf(Collection<? extends T> values) {
        Nodes.notNull(values, "the values of in");
        List<Expression<?>> binds = new ArrayList<>(values.size());
        for (T v : values) {
            binds.add(bindOf(Nodes.notNull(v, "a value of in (use isNull for NULL)")));
        }
        return List.copyOf(binds);
    }

    private static Bind<String> textBind(String text, String operator) {
        return new Bind<>(Nodes.notNull(text, "the pattern of " + operator), SqlTypes.TEXT);
    }

    // --- the nodes

    /**
     * A value sent as a bind parameter. Two binds are equal when their types are: the value is not part of the
     * statement's shape.
     *
     * @param value the value ({@code null} for SQL NULL)
     * @param type  its SQL type
     */
    record Bind<T>(T value, SqlType<T> type) implements Expression<T> {
        /** Checks the type. */
        public Bind {
            Nodes.notNull(type, "the type of a bind");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bind<?> b && b.type.equals(type);
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }

        @Override
        public String toString() {
            return "Bind[" + type + "]";
        }
    }

    /** Arithmetic operators. */
    enum ArithmeticOp {
        /** {@code +}. */ PLUS("+"),
        /** {@code -}. */ MINUS("-"),
        /** {@code *}. */ TIMES("*"),
        /** {@code /}. */ DIVIDE("/");

        private final String symbol;

        ArithmeticOp(String symbol) {
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
     * @param left  the left operand
     * @param right the right operand
     * @param type  the result type
     */
    record Arithmetic<T>(ArithmeticOp op, Expression<?> left, Expression<?> right, SqlType<T> type)
            implements Expression<T> {
    }

    /**
     * Text concatenation.
     *
     * @param left  the first part
     * @param right the second part
     */
    record Concat(Expression<?> left, Expression<?> right) implements Expression<String> {
        @Override
        public SqlType<String> type() {
            return SqlTypes.TEXT;
        }
    }

    /**
     * A function call: {@code name(args)}, {@code count(*)} when {@code star}, {@code name(DISTINCT arg)} when
     * {@code distinct}. The name is checked to be a plain identifier, so it can never carry SQL.
     *
     * @param name     the function name
     * @param args     the arguments
     * @param type     the result type
     * @param distinct {@code DISTINCT} before the arguments
     * @param star     {@code *} as the argument
     */
    record Func<T>(String name, List<Expression<?>> args, SqlType<T> type, boolean distinct, boolean star)
            implements Expression<T> {
        /** Checks the name and copies the arguments. */
        public Func {
            Nodes.functionName(name);
            args = List.copyOf(Nodes.notNull(args, "the arguments of " + name));
            Nodes.notNull(type, "the type of " + name);
        }

        /** This function as a window function: {@code name(args) OVER (...)}. */
        public Window<T> over() {
            return new Window<>(this, List.of(), List.of(), null);
        }

        /** A window over the given partition: {@code OVER (PARTITION BY ...)}. */
        public Window<T> over(List<? extends Expression<?>> partitionBy, List<OrderItem> orderBy) {
            return new Window<>(this, List.copyOf(partitionBy), List.copyOf(orderBy), null);
        }
    }

    /**
     * {@code CASE WHEN c1 THEN v1 ... ELSE e END}.
     *
     * @param whens       the branches, in order
     * @param otherwise   the {@code ELSE} value, or {@code null}
     * @param type        the result type
     */
    record Case<T>(List<When<T>> whens, Expression<T> otherwise, SqlType<T> type) implements Expression<T> {
        /** Copies the branches; a CASE needs at least one. */
        public Case {
            whens = List.copyOf(whens);
            if (whens.isEmpty()) {
                throw new InterfaceException("a CASE needs at least one WHEN");
            }
        }

        /** Adds a branch: {@code WHEN condition THEN value}. */
        public Case<T> when(Condition condition, T value) {
            return when(condition, new Bind<>(value, type));
        }

        /** Adds a branch with an expression result. */
        public Case<T> when(Condition condition, Expression<T> value) {
            var list = new ArrayList<>(whens);
            list.add(new When<>(condition, value));
            return new Case<>(list, otherwise, type);
        }

        /** The {@code ELSE} value. */
        public Case<T> otherwise(T value) {
            return new Case<>(whens, new Bind<>(value, type), type);
        }

        /** The {@code ELSE} expression. */
        public Case<T> otherwise(Expression<T> value) {
            return new Case<>(whens, value, type);
        }
    }

    /**
     * One branch of a {@link Case}.
     *
     * @param condition the test
     * @param value     the value when it holds
     */
    record When<T>(Condition condition, Expression<T> value) {
        /** Checks both parts. */
        public When {
            Nodes.notNull(condition, "a WHEN condition");
            Nodes.notNull(value, "a THEN value");
        }
    }

    /**
     * {@code CAST(operand AS type)}.
     *
     * @param operand the value
     * @param type    the target type
     */
    record Cast<T>(Expression<?> operand, SqlType<T> type) implements Expression<T> {
    }

    /**
     * A window function call: {@code f(...) OVER (PARTITION BY ... ORDER BY ... frame)}.
     *
     * @param function    the function
     * @param partitionBy the partition expressions
     * @param orderBy     the order within a partition
     * @param frame       the frame, or {@code null} for the database's default
     */
    record Window<T>(Func<T> function, List<Expression<?>> partitionBy, List<OrderItem> orderBy, Frame frame)
            implements Expression<T> {
        /** Copies the lists. */
        public Window {
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
        }

        @Override
        public SqlType<T> type() {
            return function.type();
        }

        /** {@code PARTITION BY} these expressions. */
        public Window<T> partitionBy(Expression<?>... expressions) {
            return new Window<>(function, List.of(expressions), orderBy, frame);
        }

        /** {@code ORDER BY} within the window. */
        public Window<T> orderBy(OrderItem... items) {
            return new Window<>(function, partitionBy, List.of(items), frame);
        }

        /** {@code ROWS BETWEEN start AND end}. */
        public Window<T> rows(Frame.Bound start, Frame.Bound end) {
            return new Window<>(function, partitionBy, orderBy, new Frame(Frame.Unit.ROWS, start, end));
        }

        /** {@code RANGE BETWEEN start AND end}. */
        public Window<T> range(Frame.Bound start, Frame.Bound end) {
            return new Window<>(function, partitionBy, orderBy, new Frame(Frame.Unit.RANGE, start, end));
        }
    }

    /**
     * An expression with a name in the select list.
     *
     * @param expression the labelled expression
     * @param alias      the name
     */
    record Label<T>(Expression<T> expression, String alias) implements Expression<T> {
        @Override
        public SqlType<T> type() {
            return expression.type();
        }
    }

    /**
     * A subquery that returns one value.
     *
     * @param query the query (one column)
     * @param type  the value's type
     */
    record ScalarSubquery<T>(SelectStatement query, SqlType<T> type) implements Expression<T> {
    }

    /**
     * The value an upsert proposed for a column: {@code excluded.col} on PostgreSQL and SQLite,
     * {@code VALUES(col)} on MariaDB.
     *
     * @param column the column
     */
    record Excluded<T>(Column<T> column) implements Expression<T> {
        @Override
        public SqlType<T> type() {
            return column.type();
        }
    }

    /**
     * A column of an aliased table, a derived table or a CTE: {@code qualifier.name}.
     *
     * @param qualifier the alias or CTE name
     * @param name      the column name
     * @param type      the column type
     */
    record QualifiedColumn<T>(String qualifier, String name, SqlType<T> type) implements Expression<T> {
    }

    /**
     * A member of a JSON value: {@code json -> key} (a JSON value) or {@code json ->> key} (its text), by object key
     * or array index. Made with {@code Json.get} / {@code Json.getText}.
     *
     * @param json   the JSON expression
     * @param key    the key (text) or index (integer), a bind
     * @param asText {@code ->>}: the member as text
     * @param type   the result type
     */
    record JsonGet<T>(Expression<?> json, Expression<?> key, boolean asText, SqlType<T> type) implements Expression<T> {
    }
}
