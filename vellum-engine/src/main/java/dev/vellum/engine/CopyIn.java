package dev.vellum.engine;

import java.util.List;

import dev.vellum.sql.Column;

/**
 * A PostgreSQL {@code COPY table (columns) FROM STDIN} in progress, from {@link Connection#copyIn}: the fastest way
 * to load many rows, as psycopg's {@code cursor.copy()}. Rows are typed like the columns, converted by each column's
 * type (converters run, enums become their names) and streamed to the server in PostgreSQL's text format, in
 * chunks of about 64 KB, so memory stays flat however many rows go through.
 *
 * <p><b>All or nothing.</b> {@link #close()} finishes the COPY and reports the count ({@link #rowCount()}). What
 * Vellum finds itself (a value of the wrong type, a row of the wrong length, a NUL in text) or a lost connection is
 * thrown by the {@code writeRow} that met it and cancels the COPY at once. What the server refuses (a NOT NULL,
 * unique or check violation, a value out of range) is thrown by {@code close()}: the server checks rows as they
 * arrive, but pgjdbc reads its answer only when the COPY ends, so the rest of the rows is still sent (and
 * discarded). Either way no row of this COPY is stored and the connection stays usable: inside a transaction the
 * COPY runs under a savepoint, which is rolled back, so earlier work in the transaction survives. {@link #cancel()}
 * abandons the COPY the same way. After a failure or a cancel, {@code close()} only releases and does not throw
 * again, so it never replaces the original exception in a {@code finally} block.
 *
 * <p>try-with-resources cannot tell {@code close()} that the block threw: an exception of your own code between
 * two {@link #writeRow} calls ends the block normally for the COPY, which then stores the rows written so far
 * (committed at once in autocommit mode; inside a transaction they are rolled back with it as usual). Produce the
 * rows in the {@link Iterable} you give {@link #writeRows(Iterable)}, whose failures cancel the COPY, or call
 * {@link #cancel()} in your {@code catch}.
 *
 * <p>While the COPY is open its connection serves nothing else: every other call on the connection raises an
 * {@link dev.vellum.error.InterfaceException} until the COPY is closed. Closing the connection cancels it.
 *
 * <p>One thread at a time, like its connection.
 *
 * @since 0.1
 */
public interface CopyIn extends AutoCloseable {
    /**
     * Writes one row: a value per column, in the order the columns were given to {@link Connection#copyIn}, each
     * of its column's Java type or {@code null} (sent as SQL NULL).
     *
     * @throws dev.vellum.error.ProgrammingException when the number of values differs from the columns, or a value
     *                                               is not of its column's Java type; the COPY is cancelled
     * @throws dev.vellum.error.DataException        when PostgreSQL text cannot hold a value (the NUL character)
     * @throws dev.vellum.error.OperationalException when the connection is lost
     * @throws dev.vellum.error.InterfaceException   when the COPY is closed, cancelled or failed already
     */
    void writeRow(Object... values);

    /**
     * Writes every row of {@code rows}, as {@link #writeRow} each. When iterating {@code rows} throws (a lazy
     * source that fails half-way), the COPY is cancelled and the exception is rethrown.
     */
    void writeRows(Iterable<? extends Object[]> rows);

    /** The columns written, in order. */
    List<Column<?>> columns();

    /**
     * The number of rows the COPY stored, as the server reported it.
     *
     * @throws dev.vellum.error.InterfaceException before {@link #close()} finished the COPY, or when it failed
     *                                             (the failure is the cause)
     */
    long rowCount();

    /**
     * Abandons the COPY: nothing of it is stored. Does nothing when the COPY is closed or failed already.
     */
    void cancel();

    /**
     * Finishes the COPY: sends the rows still buffered and waits for the server to store them all. Idempotent;
     * after a failure or {@link #cancel()} it only releases.
     *
     * @throws dev.vellum.error.DatabaseException when the server refuses the rows (mapped as every statement
     *                                            error: a NOT NULL or unique violation is an
     *                                            {@link dev.vellum.error.IntegrityException}, a malformed value a
     *                                            {@link dev.vellum.error.DataException}); nothing is stored
     */
    @Override
    void close();
}
