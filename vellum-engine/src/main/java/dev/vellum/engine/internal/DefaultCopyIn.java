package dev.vellum.engine.internal;

import java.sql.SQLException;
import java.util.List;

import dev.vellum.engine.CopyIn;
import dev.vellum.engine.internal.driver.PostgresCopy;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.sql.Column;
import dev.vellum.sql.SqlType;

/**
 * A {@link CopyIn} over pgjdbc: rows are checked against their columns, converted ({@code toDatabase}), encoded by a
 * {@link CopyEncoder} and sent whenever about 64 KB are buffered (one CopyData message each: fewer, larger messages
 * than one per row, and still flat memory). The first failure cancels the COPY and is remembered; later calls report
 * it as their cause instead of acting. One thread at a time.
 */
final class DefaultCopyIn implements CopyIn, Copies.Active {
    /** Buffered bytes that trigger a send: large enough to amortise a message, small enough to stay in cache. */
    private static final int FLUSH_AT = 64 * 1024;

    private final Copies.Session session;
    private final List<Column<?>> columns;
    private final SqlType<?>[] types;
    private final Class<?>[] javaTypes;
    private final CopyEncoder out = new CopyEncoder(FLUSH_AT + 8 * 1024);
    private PostgresCopy.In copy;
    private long rows;
    private long rowCount = -1;
    private RuntimeException failure;
    private boolean cancelled;
    private boolean closed;

    private DefaultCopyIn(Copies.Session session, List<Column<?>> columns) {
        this.session = session;
        this.columns = columns;
        this.types = new SqlType<?>[columns.size()];
        this.javaTypes = new Class<?>[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
            javaTypes[i] = types[i].javaType();
        }
    }

    static DefaultCopyIn start(Copies.Session session, java.sql.Connection jdbc, List<Column<?>> columns) {
        var copyIn = new DefaultCopyIn(session, columns);
        session.open();
        try {
            copyIn.copy = PostgresCopy.copyIn(jdbc, session.sql);
        } catch (SQLException e) {
            DatabaseException failure = session.error(e);
            session.failed(failure);
            throw failure;
        }
        session.started(copyIn);
        return copyIn;
    }

    @Override
    public void writeRow(Object... values) {
        ensureWritable();
        try {
            encode(values == null && types.length == 1 ? new Object[] {null} : values);
            if (out.size() >= FLUSH_AT) {
                flush();
            }
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    @Override
    public void writeRows(Iterable<? extends Object[]> rows) {
        ensureWritable();
        try {
            Checks.notNull(rows, "the rows");
            for (Object[] row : rows) {
                encode(row);
                if (out.size() >= FLUSH_AT) {
                    flush();
                }
            }
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    private void encode(Object[] values) {
        long row = rows;
        if (values == null || values.length != types.length) {
            throw new ProgrammingException("COPY row " + row + " has " + (values == null ? "no" : values.length)
                    + " values for the " + types.length + " columns " + columns, DatabaseException.Detail.of(
                    session.sql), null);
        }
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v != null && !javaTypes[i].isInstance(v)) {
                throw new ProgrammingException("COPY row " + row + ": column " + columns.get(i) + " takes "
                        + javaTypes[i].getSimpleName() + ", got " + v.getClass().getSimpleName() + " " + v,
                        DatabaseException.Detail.of(session.sql), null);
            }
            if (i > 0) {
                out.separator();
            }
            out.value(types[i].toDatabase(v), columns.get(i));
        }
        out.endRow();
        rows = row + 1;
    }

    private void flush() {
        if (out.size() == 0) {
            return;
        }
        try {
            copy.write(out.buffer(), out.size());
        } catch (SQLException e) {
            throw session.error(e);
        }
        out.clear();
    }

    @Override
    public List<Column<?>> columns() {
        return columns;
    }

    @Override
    public long rowCount() {
        if (failure != null) {
            throw new InterfaceException("the COPY failed and stored nothing", failure);
        }
        if (cancelled) {
            return 0;
        }
        if (rowCount < 0) {
            throw new InterfaceException("the row count is known once close() has finished the COPY");
        }
        return rowCount;
    }

    @Override
    public void cancel() {
        if (closed || failure != null || cancelled) {
            return;
        }
        cancelled = true;
        closed = true;
        RuntimeException problem = null;
        try {
            copy.cancel();
        } catch (SQLException e) {
            problem = session.error(e);
        }
        session.failed(problem);
        if (problem != null) {
            throw problem;
        }
    }

    @Override
    public void close() {
        if (closed || failure != null) {
            closed = true;
            return;
        }
        closed = true;
        try {
            flush();
            rowCount = copy.end();
        } catch (SQLException e) {
            throw fail(session.error(e));
        } catch (RuntimeException e) {
            throw fail(e);
        }
        session.succeeded();
    }

    /** Remembers the first failure, cancels the COPY if the driver still runs it, and rolls back to the savepoint. */
    private RuntimeException fail(RuntimeException e) {
        failure = e;
        closed = true;
        if (copy.isActive()) {
            try {
                copy.cancel();
            } catch (SQLException cancelFailed) {
                e.addSuppressed(session.error(cancelFailed));
            }
        }
        session.failed(e);
        return e;
    }

    @Override
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        cancelled = true;
        try {
            copy.cancel();
        } catch (SQLException e) {
            // the connection is closing; it is released as broken if it cannot roll back
        }
        session.aborted();
    }

    private void ensureWritable() {
        if (failure != null) {
            throw new InterfaceException("this COPY failed and was cancelled; nothing of it is stored", failure);
        }
        if (closed) {
            throw new InterfaceException(cancelled ? "this COPY was cancelled" : "this COPY is closed");
        }
    }
}
