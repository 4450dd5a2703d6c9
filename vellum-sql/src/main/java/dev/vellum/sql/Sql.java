package dev.vellum.sql;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.ast.Assignment;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.CreateIndex;
import dev.vellum.sql.ast.CreateTable;
import dev.vellum.sql.ast.Cte;
import dev.vellum.sql.ast.Delete;
import dev.vellum.sql.ast.DropIndex;
import dev.vellum.sql.ast.DropTable;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.Insert;
import dev.vellum.sql.ast.Select;
import dev.vellum.sql.ast.SelectStatement;
import dev.vellum.sql.ast.Text;
import dev.vellum.sql.ast.Update;

/**
 * The entry point of the SQL expression language: {@code import static dev.vellum.sql.Sql.*}, then
 * {@code select(USERS.id, USERS.name).from(USERS).where(USERS.age.gt(18))}. Method names are the SQL keywords;
 * {@code case_} has a trailing underscore because {@code case} is a Java keyword. Every value becomes a bind
 * parameter; only {@link #text(String)} takes SQL text. Thread-safe (it only builds immutable nodes).
 *
 * @since 0.1
 */
public final class Sql {
    private Sql() {
    }

    // --- statements

    /** {@code SELECT columns}; the FROM clause defaults to the tables of the columns. */
    public static Select select(Expression<?>... columns) {
        return Select.of(Arrays.asList(notNull(columns, "the selected columns")));
    }

    /** {@code SELECT columns} from a list. */
    public static Select select(List<? extends Expression<?>> columns) {
        return Select.of(notNull(columns, "the selected columns"));
    }

    /** {@code SELECT every column FROM table}. */
    public static Select select(Table table) {
        return Select.of(notNull(table, "the table").columns()).from(table);
    }

    /** {@code INSERT INTO table}. */
    public static Insert insert(Table table) {
        return Insert.into(table);
    }

    /** {@code UPDATE table}. */
    public static Update update(Table table) {
        return Update.of(table);
    }

    /** {@code DELETE FROM table}. */
    public static Delete delete(Table table) {
        return Delete.from(table);
    }

    /**
     * Raw SQL with {@code :name} binds, bound with {@code .bind(name, value)}.
     *
     * <p><b>The text is SQL.</b> Never build it from user input: put values in binds. Identifiers in raw SQL are
     * not quoted for you.
     */
    @PlainSql
    public static Text text(String sql) {
        return new Text(sql, Map.of());
    }

    /** {@code CREATE TABLE IF NOT EXISTS table}. */
    public static CreateTable createTable(Table table) {
        return new CreateTable(table, true);
    }

    /** {@code DROP TABLE IF EXISTS table}. */
    public static DropTable dropTable(Table table) {
        return new DropTable(table, true);
    }

    /** {@code CREATE INDEX IF NOT EXISTS index}. */
    public static CreateIndex createIndex(Index index) {
        return new CreateIndex(index, true);
    }

    /** {@code DROP INDEX IF EXISTS index}. */
    public static DropIndex dropIndex(Index index) {
        return new DropIndex(index, true);
    }

    /** A common table expression to be defined with {@code .as(query)}. */
    public static Cte cte(String name, String... columns) {
        return new Cte(name, List.of(notNull(columns, "the CTE columns")), null);
    }

    // --- values

    /** A value as a bind, typed by its Java class. */
    public static <T> Expression<T> bind(T value) {
        return new Expression.Bind<>(value, SqlTypes.forValue(value));
    }

    /** A value as a bind of the given type (also for NULL). */
    public static <T> Expression<T> bind(T value, SqlType<T> type) {
        return new Expression.Bind<>(value, notNull(type, "the bind type"));
    }

    /** {@code column = value} for an update or an upsert. */
    public static <T> Assignment set(Column<T> column, T value) {
        return new Assignment(notNull(column, "the column"), column.bindOf(value));
    }

    /** {@code column = expression} for an update or an upsert. */
    public static <T> Assignment set(Column<T> column, Expression<? extends T> value) {
        return new Assignment(notNull(column, "the column"), value);
    }

    /** The value the upsert proposed for {@code column}. */
    public static <T> Expression<T> excluded(Column<T> column) {
        return new Expression.Excluded<>(notNull(column, "the column"));
    }

    // --- conditions

    /** Every condition holds ({@code true} for none). */
    public static Condition and(Condition... conditions) {
        return new Condition.Junction(Condition.Junction.Kind.AND, List.of(notNull(conditions, "the conditions")));
    }

    /** Some condition holds ({@code false} for none). */
    public static Condition or(Condition... conditions) {
        return new Condition.Junction(Condition.Junction.Kind.OR, List.of(notNull(conditions, "the conditions")));
    }

    /** {@code NOT condition}. */
    public static Condition not(Condition condition) {
        return new Condition.Not(notNull(condition, "the condition"));
    }

    /** {@code EXISTS (query)}. */
    public static Condition exists(SelectStatement query) {
        return new Condition.Exists(notNull(query, "the query"), false);
    }

    /** {@code NOT EXISTS (query)}. */
    public static Condition notExists(SelectStatement query) {
        return new Condition.Exists(notNull(query, "the query"), true);
    }

    /** A boolean expression (such as a boolean column) as a condition. */
    public static Condition isTrue(Expression<Boolean> expression) {
        return new Condition.Truth(notNull(expression, "the boolean expression"));
    }

    /** {@code CASE WHEN condition THEN value}; more branches with {@code .when}, a default with {@code .otherwise}. */
    public static <T> Expression.Case<T> case_(Condition condition, T value) {
        SqlType<T> type = SqlTypes.forValue(notNull(value, "the first THEN value"));
        return new Expression.Case<>(List.of(new Expression.When<>(condition, new Expression.Bind<>(value, type))),
                null, type);
    }

    /** {@code CASE WHEN condition THEN expression}. */
    public static <T> Expression.Case<T> case_(Condition condition, Expression<T> value) {
        return new Expression.Case<>(List.of(new Expression.When<>(condition, value)), null, value.type());
    }

    /** {@code CAST(expression AS type)}. */
    public static <T> Expression<T> cast(Expression<?> expression, SqlType<T> type) {
        return notNull(expression, "the cast expression").cast(type);
    }

    // --- functions

    /** A call of any function by name (a plain identifier); its result has {@code type}. */
    public static <T> Expression.Func<T> func(String name, SqlType<T> type, Expression<?>... args) {
        return new Expression.Func<>(name, List.of(notNull(args, "the arguments")), type, false, false);
    }

    /** {@code count(*)}. */
    public static Expression.Func<Long> count() {
        return new Expression.Func<>("count", List.of(), SqlTypes.BIGINT, false, true);
    }

    /** {@code count(expression)}: the non-null values. */
    public static Expression.Func<Long> count(Expression<?> expression) {
        return new Expression.Func<>("count", List.of(expression), SqlTypes.BIGINT, false, false);
    }

    /** {@code count(DISTINCT expression)}. */
    public static Expression.Func<Long> countDistinct(Expression<?> expression) {
        return new Expression.Func<>("count", List.of(expression), SqlTypes.BIGINT, true, false);
    }

    /** {@code sum(expression)}, read as the expression's type. */
    public static <T extends Number> Expression.Func<T> sum(Expression<T> expression) {
        return new Expression.Func<>("sum", List.of(expression), expression.type(), false, false);
    }

    /** {@code avg(expression)}, read as {@code BigDecimal}. */
    public static Expression.Func<BigDecimal> avg(Expression<? extends Number> expression) {
        return new Expression.Func<>("avg", List.of(expression), SqlTypes.numeric(38, 10), false, false);
    }

    /** {@code min(expression)}. */
    public static <T> Expression.Func<T> min(Expression<T> expression) {
        return new Expression.Func<>("min", List.of(expression), expression.type(), false, false);
    }

    /** {@code max(expression)}. */
    public static <T> Expression.Func<T> max(Expression<T> expression) {
        return new Expression.Func<>("max", List.of(expression), expression.type(), false, false);
    }

    /** {@code coalesce(expression, fallback)}. */
    public static <T> Expression.Func<T> coalesce(Expression<T> expression, T fallback) {
        return coalesce(expression, expression.bindOf(fallback));
    }

    /** {@code coalesce(expressions...)}: the first non-null. */
    @SafeVarargs
    public static <T> Expression.Func<T> coalesce(Expression<T> first, Expression<? extends T>... rest) {
        var args = new ArrayList<Expression<?>>();
        args.add(notNull(first, "the first argument of coalesce"));
        for (Expression<? extends T> e : rest) {
            args.add(notNull(e, "an argument of coalesce"));
        }
        return new Expression.Func<>("coalesce", args, first.type(), false, false);
    }

    /** {@code lower(text)}. */
    public static Expression.Func<String> lower(Expression<String> text) {
        return new Expression.Func<>("lower", List.of(text), SqlTypes.TEXT, false, false);
    }

    /** {@code upper(text)}. */
    public static Expression.Func<String> upper(Expression<String> text) {
        return new Expression.Func<>("upper", List.of(text), SqlTypes.TEXT, false, false);
    }

    /** The length of a text in characters ({@code char_length} on MariaDB). */
    public static Expression.Func<Integer> length(Expression<String> text) {
        return new Expression.Func<>("length", List.of(text), SqlTypes.INTEGER, false, false);
    }

    /** {@code CURRENT_TIMESTAMP} (UTC on SQLite), read as {@code LocalDateTime}. */
    public static Expression.Func<LocalDateTime> currentTimestamp() {
        return new Expression.Func<>("current_timestamp", List.of(), SqlTypes.TIMESTAMP, false, false);
    }

    /** {@code row_number()}, for {@code .over()}. */
    public static Expression.Func<Long> rowNumber() {
        return new Expression.Func<>("row_number", List.of(), SqlTypes.BIGINT, false, false);
    }

    /** {@code rank()}, for {@code .over()}. */
    public static Expression.Func<Long> rank() {
        return new Expression.Func<>("rank", List.of(), SqlTypes.BIGINT, false, false);
    }

    /** {@code dense_rank()}, for {@code .over()}. */
    public static Expression.Func<Long> denseRank() {
        return new Expression.Func<>("dense_rank", List.of(), SqlTypes.BIGINT, false, false);
    }

    private static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new InterfaceException(what + " must not be null");
        }
        return value;
    }
}
