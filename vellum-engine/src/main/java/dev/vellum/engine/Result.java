package dev.vellum.engine;

import java.util.List;
import java.util.stream.Stream;

/**
 * The outcome of one statement: the rows of a query, or the count of rows a change touched.
 *
 * <p>Rows are read forward only, as from a DB-API cursor: iterate, or take {@link #one()}, {@link #first()},
 * {@link #scalar()}, {@link #all()}, {@link #fetchMany(int)} or {@link #partitions(int)}. The result closes itself
 * (and its statement) when its rows are exhausted or a method that reads to the end returns; closing its
 * connection closes it too. Close it yourself, with try-with-resources, when you stop reading early.
 *
 * <p>One thread at a time, like its connection.
 *
 * @since 0.1
 */
public interface Result extends Iterable<Row>, AutoCloseable {
    /** The column names, in order; empty when the statement returned no rows. */
    List<String> columns();

    /** True when the statement returned rows (a query, or a change with RETURNING). */
    boolean returnsRows();

    /** The number of rows the change touched; -1 when the statement returned rows instead. */
    long rowCount();

    /**
     * Exactly one row, then closes.
     *
     * @throws dev.vellum.error.InvalidResultException when there is no row or more than one
     */
    Row one();

    /** The one row, or {@code null} when there is none; more than one is an error. Closes. */
    Row oneOrNull();

    /** The first row, or {@code null} when there is none; closes without reading further. */
    Row first();

    /** The first column of the first row, or {@code null}; closes. */
    Object scalar();

    /** The first column of the first row converted to {@code type}, or {@code null}; closes. */
    <T> T scalar(Class<T> type);

    /** Every remaining row; closes. */
    List<Row> all();

    /** Every remaining row mapped to a record, as {@link Row#as(Class)}; closes. */
    <R extends Record> List<R> all(Class<R> recordType);

    /** Exactly one row mapped to a record; closes. */
    <R extends Record> R one(Class<R> recordType);

    /** The first row mapped to a record, or {@code null}; closes. */
    <R extends Record> R first(Class<R> recordType);

    /** Up to {@code n} more rows; an empty list once the rows are exhausted. */
    List<Row> fetchMany(int n);

    /** The remaining rows in lists of up to {@code size} rows, for batch processing. */
    Iterable<List<Row>> partitions(int size);

    /** The remaining rows as a stream; closing the stream closes the result. */
    Stream<Row> stream();

    /** Closes the result and its statement. Idempotent. */
    @Override
    void close();
}
