package dev.vellum.engine;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL {@code COPY ... TO STDOUT} in progress, from {@link Connection#copyOut}: the fastest way to read a
 * whole table or query out, as psycopg's {@code copy.rows()}. Each row arrives as the server sends it and is
 * parsed then, so memory stays flat however large the export.
 *
 * <p>Rows are {@link Row}s, the same rows {@link Connection#execute(dev.vellum.sql.ast.Statement)} returns: read
 * them typed by column ({@code row.get(ITEMS.price)}, converters applied), by index, or as records. COPY sends no
 * column types, so the values are parsed by the types of the columns or selected expressions, into the normalised
 * Java values {@link Row} documents ({@code Long} for integers, {@code BigDecimal} for numerics, ...).
 *
 * <p>Iterate once. Reading to the end finishes the COPY and makes {@link #rowCount()} final. {@link #close()}
 * before the end cancels the COPY on the server and discards what is still in flight; the connection stays usable
 * (inside a transaction the COPY runs under a savepoint, rolled back on a cancel or a failure). A failure while
 * reading is mapped as any statement error.
 *
 * <p>While the COPY is open its connection serves nothing else: every other call on the connection raises an
 * {@link dev.vellum.error.InterfaceException} until the COPY is closed or read to the end. Close it with
 * try-with-resources; closing the connection cancels it.
 *
 * <p>One thread at a time, like its connection.
 *
 * @since 0.1
 */
public interface CopyOut extends Iterable<Row>, AutoCloseable {
    /** The column names, in order: the columns' names, or the labels of the selected expressions. */
    List<String> columns();

    /**
     * The rows, in the order the server sends them; closes the COPY when they are exhausted.
     *
     * @throws dev.vellum.error.InterfaceException on a second call: the rows stream past once
     */
    @Override
    Iterator<Row> iterator();

    /** The rows as a stream; closing the stream closes the COPY. */
    Stream<Row> stream();

    /** Every remaining row, in memory; closes. For small exports and tests. */
    List<Row> all();

    /** The rows read so far; once they are exhausted, the number the server reported. */
    long rowCount();

    /** Ends the COPY: cancels it on the server when rows are left unread. Idempotent. */
    @Override
    void close();
}
