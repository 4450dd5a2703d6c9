package dev.vellum.engine.internal;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vellum.dialect.Compiled;
import dev.vellum.dialect.Dialect;
import dev.vellum.dialect.Dialects;
import dev.vellum.engine.Backend;
import dev.vellum.engine.Connection;
import dev.vellum.engine.CopyIn;
import dev.vellum.engine.CopyOut;
import dev.vellum.engine.ExecutionOptions;
import dev.vellum.engine.NestedTransaction;
import dev.vellum.engine.Result;
import dev.vellum.engine.Transaction;
import dev.vellum.engine.Url;
import dev.vellum.engine.internal.driver.ColumnReader;
import dev.vellum.engine.internal.driver.DriverSupport;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.error.StatementTimeoutException;
import dev.vellum.error.TransactionHookException;
import dev.vellum.sql.Column;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Insert;
import dev.vellum.sql.ast.SelectStatement;
import dev.vellum.sql.ast.Statement;
import dev.vellum.sql.ast.Text;

/**
 * A {@link Connection} over one JDBC connection. The JDBC connection runs with autocommit off unless the user
 * asks for autocommit, so a transaction begins with the first statement, as in the DB-API. Results that still
 * hold a cursor are tracked so that {@link #close()} closes them. One thread at a time.
 */
public final class DefaultConnection implements Transaction {
    /** What happens to the JDBC connection when this one closes: closed, or returned to a pool. */
    @FunctionalInterface
    interface Releaser {
        /** Releases {@code jdbc}; {@code broken} when cleaning it up failed and it must not be reused. */
        void release(java.sql.Connection jdbc, boolean broken);
    }

    private final java.sql.Connection jdbc;
    private final Url url;
    private final DriverSupport driver;
    private final Releaser releaser;
    private final StatementLog log;
    private List<DefaultResult> openResults;
    private List<Runnable> afterCommit;
    private List<Runnable> afterRollback;
    private boolean autocommit;
    private boolean readOnly;
    private boolean inTransaction;
    private boolean closed;
    private final boolean scoped;
    private String ended;
    private Duration statementTimeout;
    private Copies.Active copy; // a COPY in progress: pgjdbc would hang any other statement of this thread

    /**
     * @param scoped true for {@code engine.begin()}: the first commit or rollback ends the connection's use
     */
    DefaultConnection(java.sql.Connection jdbc, Url url, DriverSupport driver, Releaser releaser, StatementLog log,
                      boolean autocommit, Duration statementTimeout, boolean scoped) {
        this.jdbc = jdbc;
        this.url = url;
        this.driver = driver;
        this.releaser = releaser;
        this.log = log;
        this.autocommit = autocommit;
        this.statementTimeout = statementTimeout;
        this.scoped = scoped;
    }

    // --- statements

    @Override
    public Result execute(String sql, Object... params) {
        return execute(ExecutionOptions.DEFAULTS, sql, params);
    }

    @Override
    public Result execute(String sql, Map<String, ?> params) {
        return execute(ExecutionOptions.DEFAULTS, sql, params);
    }

    @Override
    public Result execute(ExecutionOptions options, String sql, Object... params) {
        Checks.notNull(options, "the execution options");
        SqlText text = parse(sql);
        return run(options, text.jdbcSql(), sql, text.positionalBinds(sql, params));
    }

    @Override
    public Result execute(ExecutionOptions options, String sql, Map<String, ?> params) {
        Checks.notNull(options, "the execution options");
        SqlText text = parse(sql);
        if (params == null) {
            throw new ProgrammingException("named binds need a Map of values, got null",
                    DatabaseException.Detail.of(sql), null);
        }
        return run(options, text.jdbcSql(), sql, text.namedBinds(sql, params));
    }

    @Override
    public Result execute(Statement statement) {
        return execute(ExecutionOptions.DEFAULTS, statement);
    }

    @Override
    public Result execute(ExecutionOptions options, Statement statement) {
        Checks.notNull(options, "the execution options");
        Checks.notNull(statement, "the statement");
        ensureOpen();
        if (statement instanceof Text text) {
            return execute(options, text.sql(), text.params());
        }
        return execute(options, dialect().compile(statement instanceof Insert insert
                ? ClientDefaults.apply(insert) : statement));
    }

    /** Runs a compiled Core statement. */
    Result execute(ExecutionOptions options, Compiled compiled) {
        Result result = run(options, compiled.sql(), compiled.sql(), CompiledBinds.of(compiled, url.backend()));
        return result instanceof DefaultResult r ? r.selected(compiled.selected()) : result;
    }

    @Override
    public Result execute(Insert insert, List<? extends Map<? extends Column<?>, ?>> rows) {
        Checks.notNull(insert, "the insert");
        Checks.notNull(rows, "the rows");
        ensureOpen();
        return new InsertMany(this, insert).run(rows);
    }

    @Override
    public CopyIn copyIn(Table table, Column<?>... columns) {
        ensureOpen();
        return Copies.copyIn(this, jdbc, log, table, columns);
    }

    @Override
    public CopyOut copyOut(Table table, Column<?>... columns) {
        ensureOpen();
        return Copies.copyOut(this, jdbc, log, table, columns);
    }

    @Override
    public CopyOut copyOut(SelectStatement query) {
        ensureOpen();
        return Copies.copyOut(this, jdbc, log, query);
    }

    void copyStarted(Copies.Active active) {
        copy = active;
    }

    void copyEnded() {
        copy = null;
    }

    @Override
    public Dialect dialect() {
        return Dialects.forName(url.backend().scheme());
    }

    private SqlText parse(String sql) {
        ensureOpen();
        if (sql == null || sql.isBlank()) {
            throw new ProgrammingException("the SQL text is empty", DatabaseException.Detail.of(sql), null);
        }
        SqlText text = SqlText.of(sql, driver.backslashEscapes());
        text.requireSingle(sql);
        return text;
    }

    private Result run(ExecutionOptions options, String jdbcSql, String sql, Object[] binds) {
        boolean streaming = options.fetchSize() > 0;
        Runnable afterClose = streaming ? prepareStreaming() : null;
        PreparedStatement ps = null;
        boolean handedOver = false;
        try {
            ps = prepare(jdbcSql, sql);
            for (int i = 0; i < binds.length; i++) {
                driver.bind(ps, i + 1, binds[i], sql);
            }
            if (streaming) {
                ps.setFetchSize(options.fetchSize());
            }
            long started = log == null ? 0 : log.starting(sql, binds);
            boolean hasRows = executeTimed(ps, sql, options.timeout() != null ? options.timeout() : statementTimeout);
            if (log != null) {
                log.finished(sql, started);
            }
            if (hasRows) {
                ResultSet rs = ps.getResultSet();
                var result = new DefaultResult(this, sql, ps, rs, driver, afterClose);
                handedOver = true;
                if (openResults == null) {
                    openResults = new ArrayList<>(2);
                }
                openResults.add(result);
                return result;
            }
            return new DefaultResult(ps.getUpdateCount());
        } catch (SQLException e) {
            throw error(e, sql);
        } finally {
            if (!handedOver) {
                if (ps != null) {
                    closeStatement(ps);
                }
                if (afterClose != null) {
                    afterClose.run();
                }
            }
        }
    }

    /** PostgreSQL streams only inside a transaction: in autocommit mode, open one for the result's lifetime. */
    private Runnable prepareStreaming() {
        if (!autocommit || url.backend() != Backend.POSTGRESQL) {
            return null;
        }
        try {
            jdbc.setAutoCommit(false);
        } catch (SQLException e) {
            throw error(e, null);
        }
        return () -> {
            try {
                jdbc.commit();
                jdbc.setAutoCommit(true);
            } catch (SQLException e) {
                throw error(e, null);
            }
        };
    }

    private boolean executeTimed(PreparedStatement ps, String sql, Duration timeout) throws SQLException {
        markTransaction();
        if (timeout == null) {
            return ps.execute();
        }
        var timer = StatementTimer.arm(ps, timeout);
        boolean hasRows;
        try {
            hasRows = ps.execute();
        } catch (SQLException e) {
            if (timer.fired()) {
                var cause = ErrorMapper.map(url.backend(), e, sql);
                var detail = new DatabaseException.Detail(sql, cause.sqlState(), cause.vendorCode(), false);
                throw timedOut(timeout, detail, e);
            }
            throw e;
        } finally {
            timer.disarm();
        }
        if (timer.fired()) { // cancelled, yet it returned: MariaDB's SLEEP() answers 1 when killed instead of failing
            throw timedOut(timeout, DatabaseException.Detail.of(sql), null);
        }
        return hasRows;
    }

    private static StatementTimeoutException timedOut(Duration timeout, DatabaseException.Detail detail,
                                                      Throwable cause) {
        return new StatementTimeoutException("statement cancelled after the " + timeout.toMillis() + " ms timeout",
                detail, cause);
    }

    @Override
    public long executeMany(String sql, List<?> rows) {
        SqlText text = parse(sql);
        if (rows == null || rows.isEmpty()) {
            return 0;
        }
        boolean wrapped = autocommit;
        try {
            if (wrapped) {
                jdbc.setAutoCommit(false);
            }
            markTransaction();
            long started = log == null ? 0 : log.startingBatch(sql, rows.size());
            int limit = driver.multiRowBindLimit();
            long total;
            if (limit > 0 && rows.size() > 1 && text.isMultiRowInsert()) {
                int chunk = Math.max(1, Math.min(driver.multiRowChunk(), limit / text.bindsPerRow()));
                total = new Batches(this, driver).insertMultiRow(text, sql, rows, chunk);
            } else if (driver.batchesOnlyInsertValues() && !text.isMultiRowInsert() && Batches.isInsert(text)) {
                total = new Batches(this, driver).oneByOne(text, sql, rows);
            } else {
                total = new Batches(this, driver).batch(text, sql, rows);
            }
            if (log != null) {
                log.finished(sql, started);
            }
            if (wrapped) {
                jdbc.commit();
            }
            return total;
        } catch (SQLException e) {
            if (wrapped) {
                rollbackQuietly();
            }
            // a batch failure's own message may quote the rewritten statement with its values (pgjdbc does);
            // the server's error is the next exception
            throw error(e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e,
                    sql);
        } catch (RuntimeException e) {
            if (wrapped) {
                rollbackQuietly();
            }
            throw e;
        } finally {
            if (wrapped) {
                restoreAutocommit();
            }
        }
    }

    /**
     * Runs compiled statements one after another and returns each one's rows as value arrays, preparing a
     * statement only when the SQL differs from the one before: the batches of a multi-row insert with RETURNING
     * share one prepared statement, as a hand-written loop would.
     */
    List<List<Object[]>> queryEach(List<Compiled> batches) {
        ensureOpen();
        var out = new ArrayList<List<Object[]>>(batches.size());
        PreparedStatement ps = null;
        String current = null;
        ColumnReader[] readers = null;
        try {
            for (Compiled batch : batches) {
                if (!batch.sql().equals(current)) {
                    if (ps != null) {
                        closeStatement(ps);
                        ps = null;
                    }
                    current = batch.sql();
                    ps = prepare(current, current);
                    readers = null;
                }
                Object[] binds = CompiledBinds.of(batch, url.backend());
                for (int i = 0; i < binds.length; i++) {
                    driver.bind(ps, i + 1, binds[i], current);
                }
                long started = log == null ? 0 : log.starting(current, binds);
                executeTimed(ps, current, statementTimeout);
                if (log != null) {
                    log.finished(current, started);
                }
                var rows = new ArrayList<Object[]>();
                try (ResultSet rs = ps.getResultSet()) {
                    if (readers == null) {
                        ResultSetMetaData md = rs.getMetaData();
                        readers = new ColumnReader[md.getColumnCount()];
                        for (int i = 1; i <= readers.length; i++) {
                            readers[i - 1] = driver.reader(md, i);
                        }
                    }
                    while (rs.next()) {
                        var values = new Object[readers.length];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = readers[i].read(rs, i + 1);
                        }
                        rows.add(values);
                    }
                }
                out.add(rows);
            }
            return out;
        } catch (SQLException e) {
            throw error(e, current);
        } finally {
            if (ps != null) {
                closeStatement(ps);
            }
        }
    }

    /** Prepares a statement Vellum will close (counted by the leak tracker). */
    PreparedStatement prepare(String jdbcSql, String sql) {
        try {
            PreparedStatement ps = jdbc.prepareStatement(jdbcSql);
            ResourceTracker.statementOpened();
            return ps;
        } catch (SQLException e) {
            throw error(e, sql);
        }
    }

    /** Closes a statement Vellum opened (and its result set), whatever state its connection is in. */
    static void closeStatement(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            // the connection is gone; the statement is released with it
        } finally {
            ResourceTracker.statementClosed();
        }
    }

    private void markTransaction() {
        if (!autocommit) {
            inTransaction = true;
        }
    }

    // --- transactions

    @Override
    public void commit() {
        ensureOpen();
        try {
            if (!autocommit) {
                jdbc.commit();
            }
        } catch (SQLException e) {
            inTransaction = false;
            afterCommit = null;
            var failure = error(e, "COMMIT");
            fireAfter(takeRollbackHooks(), "rolled back", failure);
            throw failure;
        }
        inTransaction = false;
        afterRollback = null;
        endScope("committed");
        fireAfter(takeCommitHooks(), "committed", null);
    }

    private void endScope(String how) {
        if (scoped) {
            ended = how;
        }
    }

    @Override
    public boolean isActive() {
        return !closed && ended == null;
    }

    @Override
    public void rollback() {
        ensureOpen();
        try {
            if (!autocommit) {
                jdbc.rollback();
            }
        } catch (SQLException e) {
            throw error(e, "ROLLBACK");
        } finally {
            inTransaction = false;
            afterCommit = null;
            endScope("rolled back");
        }
        fireAfter(takeRollbackHooks(), "rolled back", null);
    }

    @Override
    public void afterCommit(Runnable hook) {
        ensureOpen();
        Checks.notNull(hook, "the after-commit hook");
        if (autocommit) {
            hook.run();
            return;
        }
        if (afterCommit == null) {
            afterCommit = new ArrayList<>(2);
        }
        afterCommit.add(hook);
    }

    @Override
    public void afterRollback(Runnable hook) {
        ensureOpen();
        Checks.notNull(hook, "the after-rollback hook");
        if (afterRollback == null) {
            afterRollback = new ArrayList<>(2);
        }
        afterRollback.add(hook);
    }

    private List<Runnable> takeCommitHooks() {
        List<Runnable> hooks = afterCommit;
        afterCommit = null;
        return hooks;
    }

    private List<Runnable> takeRollbackHooks() {
        List<Runnable> hooks = afterRollback;
        afterRollback = null;
        return hooks;
    }

    /**
     * Runs every hook. Hook failures are reported as one {@link TransactionHookException} (the first as cause,
     * later ones suppressed) after all ran; when {@code pending} is being thrown already, they are attached to it.
     */
    private static void fireAfter(List<Runnable> hooks, String outcome, RuntimeException pending) {
        if (hooks == null) {
            return;
        }
        TransactionHookException failure = null;
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new TransactionHookException(outcome, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            if (pending != null) {
                pending.addSuppressed(failure);
            } else {
                throw failure;
            }
        }
    }

    @Override
    public NestedTransaction beginNested() {
        ensureOpen();
        if (autocommit) {
            throw new InterfaceException("a savepoint needs a transaction, but this connection is in autocommit mode");
        }
        try {
            markTransaction();
            Savepoint sp = jdbc.setSavepoint();
            return new DefaultNestedTransaction(this, sp);
        } catch (SQLException e) {
            throw error(e, "SAVEPOINT");
        }
    }

    void releaseSavepoint(Savepoint sp) {
        ensureOpen();
        try {
            jdbc.releaseSavepoint(sp);
        } catch (SQLException e) {
            throw error(e, "RELEASE SAVEPOINT");
        }
    }

    void rollbackToSavepoint(Savepoint sp) {
        ensureOpen();
        try {
            jdbc.rollback(sp);
        } catch (SQLException e) {
            throw error(e, "ROLLBACK TO SAVEPOINT");
        }
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void setAutocommit(boolean on) {
        ensureOpen();
        if (on == autocommit) {
            return;
        }
        if (inTransaction) {
            throw new InterfaceException("cannot switch autocommit inside a transaction: commit or roll back first");
        }
        try {
            jdbc.setAutoCommit(on);
            autocommit = on;
        } catch (SQLException e) {
            throw error(e, null);
        }
    }

    private void restoreAutocommit() {
        try {
            jdbc.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection failed; the error that brought us here is the one to report
        }
        inTransaction = false;
    }

    private void rollbackQuietly() {
        try {
            jdbc.rollback();
        } catch (SQLException e) {
            // the connection failed; the error that brought us here is the one to report
        }
    }

    @Override
    public boolean isAutocommit() {
        return autocommit;
    }

    @Override
    public void setReadOnly(boolean on) {
        ensureOpen();
        if (on == readOnly) {
            return;
        }
        if (inTransaction) {
            throw new InterfaceException(
                    "cannot change read-only mode inside a transaction: commit or roll back first");
        }
        try {
            driver.setReadOnly(jdbc, on);
            readOnly = on;
        } catch (SQLException e) {
            throw error(e, null);
        }
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void setStatementTimeout(Duration timeout) {
        ensureOpen();
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new InterfaceException("statement timeout must be positive, got " + timeout);
        }
        this.statementTimeout = timeout;
    }

    @Override
    public Duration statementTimeout() {
        return statementTimeout;
    }

    // --- state

    @Override
    public Url url() {
        return url;
    }

    @Override
    public Backend backend() {
        return url.backend();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean rolledBack = false;
        boolean broken = false;
        try {
            if (copy != null) {
                copy.abort();
            }
            if (openResults != null) {
                for (DefaultResult r : List.copyOf(openResults)) {
                    r.close();
                }
            }
            if (inTransaction && !autocommit) {
                jdbc.rollback();
                rolledBack = true;
            }
            if (readOnly) {
                driver.setReadOnly(jdbc, false);
            }
        } catch (SQLException | RuntimeException e) {
            broken = true; // a dead connection cannot roll back; closing it discards the transaction on the server
        } finally {
            inTransaction = false;
            afterCommit = null;
            releaser.release(jdbc, broken);
        }
        List<Runnable> hooks = takeRollbackHooks();
        if (rolledBack) {
            fireAfter(hooks, "rolled back", null);
        }
    }

    void resultClosed(DefaultResult result) {
        if (openResults != null) {
            openResults.remove(result);
        }
    }

    void ensureOpen() {
        if (closed) {
            throw new InterfaceException("the connection is closed (" + url + ")");
        }
        if (copy != null) {
            throw new InterfaceException("a COPY is in progress on this connection: close it before anything else");
        }
        if (ended != null) {
            throw new InterfaceException("this transaction has " + ended + "; begin another with engine.begin()");
        }
    }

    DatabaseException error(SQLException e, String sql) {
        return ErrorMapper.map(url.backend(), e, sql);
    }
}
