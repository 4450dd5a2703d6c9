package dev.vellum.engine;

import java.util.List;

/**
 * One row of a {@link Result}, read by 0-based index or by column name, untyped or converted to a Java type.
 *
 * <p>Untyped values are normalised the same way on every backend: integers as {@code Long}, exact numerics as
 * {@code BigDecimal}, floating point as {@code Double}, text as {@code String}, binary as {@code byte[]}, booleans
 * as {@code Boolean}, dates and times as {@code java.time} values, PostgreSQL {@code uuid} as {@code UUID}. SQLite
 * returns what the value is stored as (a boolean column reads as {@code Long} 0/1); ask for the type with
 * {@link #get(int, Class)} to convert.
 *
 * <p>{@link #toString()} prints the row like a Python tuple: {@code (1, 'Alice')}. Immutable; safe to keep after
 * the result is closed.
 *
 * @since 0.1
 */
public interface Row {
    /** The value at a 0-based column index. */
    Object get(int index);

    /** The value of the named column (exact match first, then case-insensitive). */
    Object get(String column);

    /**
     * The value at an index converted to {@code type}: numbers between numeric types (range-checked), text to
     * {@code java.time} values, {@code UUID} or {@code BigDecimal}, 0/1 to {@code Boolean}, and so on.
     *
     * @throws dev.vellum.error.DataException when the value cannot be converted
     */
    <T> T get(int index, Class<T> type);

    /** The named column's value converted to {@code type}, as {@link #get(int, Class)}. */
    <T> T get(String column, Class<T> type);

    /**
     * The value of a selected column or expression of a Core statement, as its type's Java value:
     * {@code row.get(USERS.name)}. Converters run; two selected columns of the same name (joins) stay apart. On a
     * raw SQL result the expression is found by its name.
     *
     * @throws dev.vellum.error.ProgrammingException when the result has no such column
     */
    <T> T get(dev.vellum.sql.ast.Expression<T> column);

    /** The number of columns. */
    int size();

    /** The column names, in order. */
    List<String> columns();

    /** The values, in column order (an unmodifiable list that may contain nulls). */
    List<Object> values();

    /**
     * This row as a record whose components match the columns by name ({@code created_at} matches
     * {@code createdAt}), each value converted to the component's type.
     */
    <R extends Record> R as(Class<R> recordType);
}
