package dev.vellum.engine.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.vellum.engine.CopyOut;
import dev.vellum.engine.Row;
import dev.vellum.engine.internal.driver.PostgresCopy;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.InvalidResultException;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.ast.Expression;

/**
 * A {@link CopyOut} over pgjdbc: each row is read when the iterator asks for it and parsed by a
 * {@link CopyDecoder} into an {@link ArrayRow} whose columns know the selected expressions, so
 * {@code row.get(column)} converts as it does for query results. Reading past the last row ends the COPY; an early
 * {@link #close()} cancels it on the server and drains what was in flight. One thread at a time.
 */
final class DefaultCopyOut implements CopyOut, Copies.Active {
    private final Copies.Session session;
    private final Columns columns;
    private final CopyDecoder decoder;
    private PostgresCopy.Out copy;
    private boolean iterated;
    private boolean done;
    private long rowCount;

    private DefaultCopyOut(Copies.Session session, List<String> names, List<SqlType<?>> types,
                           List<? extends Expression<?>> selected) {
        this.session = session;
        this.columns = new Columns(names);
        this.columns.selected(List.copyOf(selected));
        this.decoder = new CopyDecoder(types, session.sql);
    }

    static DefaultCopyOut start(Copies.Session session, java.sql.Connection jdbc, List<String> names,
                                List<SqlType<?>> types, List<? extends Expression<?>> selected) {
        var copyOut = new DefaultCopyOut(session, names, types, selected);
        session.open();
        try {
            copyOut.copy = PostgresCopy.copyOut(jdbc, session.sql);
        } catch (SQLException e) {
            DatabaseException failure = session.error(e);
            session.failed(failure);
            throw failure;
        }
        session.started(copyOut);
        if (copyOut.copy.fieldCount() != copyOut.decoder.width()) {
            var failure = new InvalidResultException("COPY sends " + copyOut.copy.fieldCount() + " columns but "
                    + names.size() + " were expected: " + names + " [SQL: " + session.sql + "]");
            copyOut.close();
            throw failure;
        }
        return copyOut;
    }

    @Override
    public List<String> columns() {
        return columns.names();
    }

    @Override
    public Iterator<Row> iterator() {
        if (iterated) {
            throw new InterfaceException("the rows of a COPY stream past once; iterate them once (or use all())");
        }
        iterated = true;
        return new Iterator<>() {
            private Row next;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = read();
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the COPY has no more rows");
                }
                Row row = next;
                next = null;
                return row;
            }
        };
    }

    @Override
    public Stream<Row> stream() {
        var split = Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(this::close);
    }

    @Override
    public List<Row> all() {
        var out = new ArrayList<Row>();
        for (Row row : this) {
            out.add(row);
        }
        return out;
    }

    @Override
    public long rowCount() {
        return done ? rowCount : copy.rowCount();
    }

    /** The next row, or {@code null} once the COPY ended (which then closes it). */
    private Row read() {
        byte[] data;
        try {
            data = copy.read();
        } catch (SQLException e) {
            throw fail(session.error(e));
        }
        if (data == null) {
            done = true;
            rowCount = copy.rowCount();
            session.succeeded();
            return null;
        }
        try {
            return new ArrayRow(columns, decoder.row(data, columns.names()));
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    private RuntimeException fail(RuntimeException e) {
        done = true;
        rowCount = copy.rowCount();
        try {
            copy.cancel();
        } catch (SQLException cancelFailed) {
            e.addSuppressed(session.error(cancelFailed));
        }
        session.failed(e);
        return e;
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        rowCount = copy.rowCount();
        DatabaseException problem = null;
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
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        rowCount = copy.rowCount();
        try {
            copy.cancel();
        } catch (SQLException e) {
            // the connection is closing; it is released as broken if it cannot roll back
        }
        session.aborted();
    }
}
