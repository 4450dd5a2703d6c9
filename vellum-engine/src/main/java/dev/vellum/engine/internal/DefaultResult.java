package dev.vellum.engine.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.vellum.engine.Result;
import dev.vellum.engine.Row;
import dev.vellum.engine.internal.driver.ColumnReader;
import dev.vellum.engine.internal.driver.DriverSupport;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.InvalidResultException;

/**
 * A forward-only result over an open {@link ResultSet}, or the update count of a statement that returned no rows.
 * Column readers are chosen once from the metadata; each row is read into an array as it is reached. Closes its
 * statement when the rows run out, when a terminal method returns, or when its connection closes.
 */
final class DefaultResult implements Result {
    private static final Columns NO_COLUMNS = new Columns(List.of());
    private static final ColumnReader[] NO_READERS = new ColumnReader[0];

    private final DefaultConnection owner;
    private final String sql;
    private final PreparedStatement statement;
    private final ResultSet rs;
    private final Columns columns;
    private final ColumnReader[] readers;
    private final long rowCount;
    private final Runnable afterClose;
    private final Iterator<Row> buffered;
    private Row next;
    private boolean exhausted;
    private boolean closed;

    /** A result of rows; takes ownership of {@code statement}. */
    DefaultResult(DefaultConnection owner, String sql, PreparedStatement statement, ResultSet rs,
                  DriverSupport driver, Runnable afterClose) throws SQLException {
        this.owner = owner;
        this.sql = sql;
        this.statement = statement;
        this.rs = rs;
        this.afterClose = afterClose;
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        var names = new ArrayList<String>(n);
        this.readers = new ColumnReader[n];
        var sqlTypes = new int[n];
        for (int i = 1; i <= n; i++) {
            names.add(md.getColumnLabel(i));
            sqlTypes[i - 1] = md.getColumnType(i);
            readers[i - 1] = driver.reader(md, i);
        }
        this.columns = new Columns(names, sqlTypes, readers, driver.exactDecimals());
        this.rowCount = -1;
        this.buffered = null;
    }

    /** A result of rows already read (the batches of a multi-row insert's RETURNING, put in input order). */
    DefaultResult(DefaultConnection owner, Columns columns, List<Row> rows) {
        this.owner = owner;
        this.sql = null;
        this.statement = null;
        this.rs = null;
        this.afterClose = null;
        this.columns = columns;
        this.readers = NO_READERS;
        this.rowCount = rows.size();
        this.buffered = rows.iterator();
    }

    /** The result of a statement that returned no rows. */
    DefaultResult(long rowCount) {
        this.owner = null;
        this.sql = null;
        this.statement = null;
        this.rs = null;
        this.afterClose = null;
        this.columns = NO_COLUMNS;
        this.readers = NO_READERS;
        this.rowCount = rowCount;
        this.buffered = null;
        this.exhausted = true;
        this.closed = true;
    }

    /** Records the expressions behind the columns, for {@code row.get(expression)}. */
    DefaultResult selected(List<dev.vellum.sql.ast.Expression<?>> expressions) {
        if (rs != null) {
            columns.selected(expressions);
        }
        return this;
    }

    @Override
    public List<String> columns() {
        return columns.names();
    }

    @Override
    public boolean returnsRows() {
        return rs != null || buffered != null;
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    // --- reading

    private boolean advance() {
        if (next != null) {
            return true;
        }
        if (exhausted) {
            if (closed && !returnsRows()) {
                throw new InvalidResultException("the statement returned no rows (it changed " + rowCount
                        + "); rows come only from queries and RETURNING clauses");
            }
            return false;
        }
        if (closed) {
            throw new InterfaceException("this result is closed"
                    + (owner.isClosed() ? " (its connection was closed)" : ""));
        }
        if (buffered != null) {
            if (buffered.hasNext()) {
                next = buffered.next();
                return true;
            }
            exhausted = true;
            close();
            return false;
        }
        try {
            if (rs.next()) {
                var values = new Object[readers.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = readers[i].read(rs, i + 1);
                }
                next = new ArrayRow(columns, values);
                return true;
            }
        } catch (SQLException e) {
            close();
            throw owner.error(e, sql);
        }
        exhausted = true;
        close();
        return false;
    }

    private Row take() {
        if (!advance()) {
            throw new NoSuchElementException("no more rows");
        }
        Row row = next;
        next = null;
        return row;
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return advance();
            }

            @Override
            public Row next() {
                return take();
            }
        };
    }

    @Override
    public Row one() {
        Row row = oneOrNull();
        if (row == null) {
            throw new InvalidResultException("expected exactly one row, got none");
        }
        return row;
    }

    @Override
    public Row oneOrNull() {
        try (this) {
            if (!advance()) {
                return null;
            }
            Row row = take();
            if (advance()) {
                throw new InvalidResultException("expected exactly one row, got more than one");
            }
            return row;
        }
    }

    @Override
    public Row first() {
        try (this) {
            return advance() ? take() : null;
        }
    }

    @Override
    public Object scalar() {
        Row row = first();
        return row == null ? null : row.get(0);
    }

    @Override
    public <T> T scalar(Class<T> type) {
        Row row = first();
        return row == null ? null : row.get(0, type);
    }

    @Override
    public List<Row> all() {
        var rows = new ArrayList<Row>();
        while (advance()) {
            rows.add(take());
        }
        return rows;
    }

    @Override
    public <R extends Record> List<R> all(Class<R> recordType) {
        var out = new ArrayList<R>();
        try (this) {
            RecordMapper<R> mapper = columns.mapper(recordType);
            if (next != null) {
                out.add(mapper.map(((ArrayRow) take()).raw()));
            }
            if (mapper.readsResultSets() && rs != null && !exhausted && !closed) {
                readAll(mapper, out);
            }
            while (advance()) {
                out.add(mapper.map(((ArrayRow) take()).raw()));
            }
        }
        return out;
    }

    /** Maps the remaining rows straight from the result set, without building rows. */
    private <R extends Record> void readAll(RecordMapper<R> mapper, List<R> out) {
        try {
            while (rs.next()) {
                out.add(mapper.read(rs));
            }
            exhausted = true;
        } catch (SQLException e) {
            close();
            throw owner.error(e, sql);
        }
    }

    @Override
    public <R extends Record> R one(Class<R> recordType) {
        return one().as(recordType);
    }

    @Override
    public <R extends Record> R first(Class<R> recordType) {
        Row row = first();
        return row == null ? null : row.as(recordType);
    }

    @Override
    public List<Row> fetchMany(int n) {
        if (n <= 0) {
            throw new InterfaceException("fetchMany needs a positive row count, got " + n);
        }
        var rows = new ArrayList<Row>(Math.min(n, 1024));
        while (rows.size() < n && advance()) {
            rows.add(take());
        }
        return rows;
    }

    @Override
    public Iterable<List<Row>> partitions(int size) {
        if (size <= 0) {
            throw new InterfaceException("partitions need a positive size, got " + size);
        }
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return advance();
            }

            @Override
            public List<Row> next() {
                if (!advance()) {
                    throw new NoSuchElementException("no more rows");
                }
                return fetchMany(size);
            }
        };
    }

    @Override
    public Stream<Row> stream() {
        var split = Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(this::close);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (statement != null) {
                DefaultConnection.closeStatement(statement); // closes the result set too
            }
        } finally {
            owner.resultClosed(this);
            if (afterClose != null) {
                afterClose.run();
            }
        }
    }
}
