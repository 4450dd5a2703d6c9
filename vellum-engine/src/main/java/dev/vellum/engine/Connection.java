package dev.vellum.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vellum.dialect.Dialect;
import dev.vellum.sql.Column;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.Insert;
import dev.vellum.sql.ast.SelectStatement;
import dev.vellum.sql.ast.Statement;

/**
 * One database connection with DB-API semantics, opened by {@link Vellum#connect(String)}.
 *
 * <p>A transaction begins implicitly with the first statement; {@link #commit()} and {@link #rollback()} end it,
 * and {@link #close()} without a commit rolls it back. {@link #beginNested()} opens a savepoint. With
 * {@link #setAutocommit(boolean) autocommit} on, each statement commits by itself.
 *
 * <p><b>Values always travel as binds.</b> SQL text is accepted only together with separate parameters, as
 * {@code ?} placeholders ({@link #execute(String, Object...)}) or {@code :name} placeholders
 * ({@link #execute(String, Map)}); there is no method that splices a value into SQL text. Never build the SQL
 * string from user input: pass the input as a parameter.
 *
 * <p>One thread at a time: a connection is not thread-safe. Always close it (try-with-resources).
 *
 * @since 0.1
 */
public interface Connection extends AutoCloseable {
    /**
     * Runs a statement with positional {@code ?} binds, one value per placeholder.
     *
     * <p>Plain SQL: the text is sent as written. Never concatenate user input into it; pass input as parameters.
     *
     * @throws dev.vellum.error.ProgrammingException when the number of values differs from the placeholders,
     *                                               before anything is sent
     */
    Result execute(String sql, Object... params);

    /**
     * Runs a statement with named {@code :name} binds.
     *
     * <p>Plain SQL: the text is sent as written. Never concatenate user input into it; pass input as parameters.
     *
     * @throws dev.vellum.error.ProgrammingException when a placeholder has no value or a value no placeholder,
     *                                               before anything is sent
     */
    Result execute(String sql, Map<String, ?> params);

    /** {@link #execute(String, Object...)} with per-statement options (timeout, streaming). */
    Result execute(ExecutionOptions options, String sql, Object... params);

    /** {@link #execute(String, Map)} with per-statement options (timeout, streaming). */
    Result execute(ExecutionOptions options, String sql, Map<String, ?> params);

    /**
     * Runs one statement for many rows of binds, batched with the fastest technique the driver offers
     * (PostgreSQL: rewritten multi-row inserts; MariaDB: bulk protocol; SQLite: one prepared statement in one
     * transaction). Each row is an {@code Object[]} or {@code List} for {@code ?} binds, or a {@code Map} for
     * {@code :name} binds. In autocommit mode the batch still runs as one transaction.
     *
     * @return the total rows changed, or -1 when the driver does not report it
     */
    long executeMany(String sql, List<?> rows);

    /**
     * Runs a Core statement ({@code select(...)}, {@code insert(...)}, {@code text(...)}, DDL): compiled by this
     * connection's {@link #dialect()} (cached per statement shape), every value sent as a bind. Rows of the result
     * answer {@link Row#get(Expression)} for the selected expressions.
     *
     * @throws dev.vellum.error.NotSupportedException when this database cannot express a construct of it
     */
    Result execute(Statement statement);

    /** {@link #execute(Statement)} with per-statement options (timeout, streaming). */
    Result execute(ExecutionOptions options, Statement statement);

    /**
     * Inserts many rows ("insertmanyvalues"): each map gives values by column; all rows must set the same columns.
     * Without {@code RETURNING} the rows go through {@link #executeMany(String, List)}'s fastest path; with it they
     * go as multi-row {@code INSERT ... VALUES ... RETURNING} in batches within the driver's parameter limit, and
     * the returned rows come back in the order of {@code rows}.
     *
     * @return the rows changed, or the returned rows in input order when the insert has {@code returning(...)}
     */
    Result execute(Insert insert, List<? extends Map<? extends Column<?>, ?>> rows);

    /**
     * Starts a PostgreSQL {@code COPY table (columns) FROM STDIN}, the fastest bulk load (psycopg's
     * {@code cursor.copy()}): each row is a value per column, of the column's Java type, converted by the column's
     * type and streamed in COPY's text format. With no columns, all of the table's, in table order.
     *
     * <pre>{@code
     * try (CopyIn copy = conn.copyIn(ITEMS, ITEMS.id, ITEMS.name, ITEMS.price)) {
     *     copy.writeRow(1L, "tea", new BigDecimal("3.50"));
     *     copy.writeRows(List.of(new Object[] {2L, "cake\twith tab", null},
     *                            new Object[] {3L, "scone", new BigDecimal("2.10")}));
     * }                                      // close() ends the COPY; a failure stores nothing
     * conn.commit();                         // COPY is a statement of the transaction, as any other
     * }</pre>
     *
     * <p>Close the COPY before using the connection again (try-with-resources): until then the connection refuses
     * every other call. See {@link CopyIn} for what a failure leaves behind.
     *
     * @throws dev.vellum.error.NotSupportedException on SQLite and MariaDB, which have no COPY
     * @throws dev.vellum.error.ProgrammingException  when a column is not one of the table's, or named twice
     * @throws dev.vellum.error.DatabaseException     when the server refuses the COPY (no such table or column)
     */
    CopyIn copyIn(Table table, Column<?>... columns);

    /**
     * Starts a PostgreSQL {@code COPY table (columns) TO STDOUT}, the fastest export: the rows stream as they are
     * read, typed by the columns. With no columns, all of the table's, in table order. See {@link CopyOut}.
     *
     * @throws dev.vellum.error.NotSupportedException on SQLite and MariaDB, which have no COPY
     * @throws dev.vellum.error.ProgrammingException  when a column is not one of the table's, or named twice
     */
    CopyOut copyOut(Table table, Column<?>... columns);

    /**
     * Starts a PostgreSQL {@code COPY (query) TO STDOUT} of a Core query, compiled by {@link #dialect()}; the rows
     * answer {@link Row#get(Expression)} for the selected expressions. COPY cannot take bind parameters and Vellum
     * never writes values into SQL text, so the query must hold no values: a query that would bind one (a
     * {@code where(col.eq(5))}) is refused.
     *
     * @throws dev.vellum.error.NotSupportedException on SQLite and MariaDB, and for a query with bind parameters
     */
    CopyOut copyOut(SelectStatement query);

    /** The dialect this connection's statements are compiled with. */
    Dialect dialect();

    /** Commits the current transaction; the next statement begins a new one. */
    void commit();

    /** Rolls back the current transaction. */
    void rollback();

    /** Opens a savepoint in the current transaction; see {@link NestedTransaction}. */
    NestedTransaction beginNested();

    /**
     * Runs {@code hook} after the current transaction commits (at once in autocommit mode); forgotten if it rolls
     * back. For work that must only follow durable changes, such as invalidating a cache. A hook that throws
     * makes {@link #commit()} raise a {@link dev.vellum.error.TransactionHookException} after the commit, which
     * no retry policy retries.
     */
    void afterCommit(Runnable hook);

    /** Runs {@code hook} after the current transaction rolls back (explicitly or by close); forgotten on commit. */
    void afterRollback(Runnable hook);

    /** True when a transaction is open: a statement ran since the last commit or rollback. */
    boolean inTransaction();

    /**
     * Switches autocommit mode, where each statement commits by itself.
     *
     * @throws dev.vellum.error.InterfaceException when a transaction is open: commit or roll back first
     */
    void setAutocommit(boolean autocommit);

    /** True in autocommit mode. */
    boolean isAutocommit();

    /**
     * Makes the following transactions read-only: writes fail with an
     * {@link dev.vellum.error.InternalException}.
     *
     * @throws dev.vellum.error.InterfaceException when a transaction is open: commit or roll back first
     */
    void setReadOnly(boolean readOnly);

    /** True when transactions are read-only. */
    boolean isReadOnly();

    /**
     * Cancels, on the server, any statement of this connection that runs longer than {@code timeout}
     * ({@code null} for none). The statement fails with a {@link dev.vellum.error.StatementTimeoutException}.
     */
    void setStatementTimeout(Duration timeout);

    /** The statement timeout, or {@code null}. */
    Duration statementTimeout();

    /** The URL this connection was opened with (its {@code toString} masks the password). */
    Url url();

    /** The backend this connection talks to. */
    Backend backend();

    /** True once closed. */
    boolean isClosed();

    /**
     * Rolls back any open transaction, closes open results and the connection. Idempotent. Any later call
     * raises an {@link dev.vellum.error.InterfaceException}.
     */
    @Override
    void close();
}
