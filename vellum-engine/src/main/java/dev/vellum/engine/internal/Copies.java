package dev.vellum.engine.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import dev.vellum.dialect.Compiled;
import dev.vellum.dialect.Dialect;
import dev.vellum.engine.Backend;
import dev.vellum.engine.CopyIn;
import dev.vellum.engine.CopyOut;
import dev.vellum.engine.NestedTransaction;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.NotSupportedException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.sql.Column;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.SelectStatement;

/**
 * Starts PostgreSQL COPY operations for a {@link DefaultConnection}: checks the backend and the columns, writes the
 * {@code COPY} statement (identifiers quoted by the dialect, no value ever in the text), and hands over to
 * {@link DefaultCopyIn} or {@link DefaultCopyOut}. Stateless.
 *
 * <p>The bookkeeping both directions share is a {@link Session}: while it is open the connection refuses every
 * other call (pgjdbc would wait forever on its own copy lock), the COPY counts as an open statement for the leak
 * checks, and inside a transaction a savepoint taken before the COPY is released when it succeeds and rolled back
 * when it fails or is cancelled, because any error aborts a PostgreSQL transaction and the connection must stay
 * usable. In autocommit mode the COPY is its own transaction and needs none.
 *
 * <p>A COPY IN also runs with {@code client_min_messages = error}, restored afterwards: pgjdbc reads nothing from
 * the server until the COPY ends, so a trigger that raises a NOTICE per row would fill the socket buffers until
 * the server stops reading and both sides wait forever (seen with a 500-byte notice per row: stuck within 20 s).
 * Nobody could read those notices through this API anyway.
 */
final class Copies {
    /** A COPY in progress, which the connection cancels when it is closed first. */
    interface Active {
        /** Cancels the COPY without throwing; the connection is closing. */
        void abort();
    }

    private static final Object[] NO_BINDS = new Object[0];

    private Copies() {
    }

    static CopyIn copyIn(DefaultConnection conn, java.sql.Connection jdbc, StatementLog log, Table table,
                         Column<?>[] columns) {
        List<Column<?>> cols = columns(table, columns);
        requirePostgres(conn, "use conn.execute(insert(table), rows) for bulk inserts");
        Dialect dialect = conn.dialect();
        String sql = "COPY " + tableName(dialect, table) + " (" + columnList(dialect, cols) + ") FROM STDIN";
        return DefaultCopyIn.start(new Session(conn, jdbc, log, sql, true), jdbc, cols);
    }

    static CopyOut copyOut(DefaultConnection conn, java.sql.Connection jdbc, StatementLog log, Table table,
                           Column<?>[] columns) {
        List<Column<?>> cols = columns(table, columns);
        requirePostgres(conn, "use conn.execute(select(...)) with ExecutionOptions.stream(n) to stream many rows");
        Dialect dialect = conn.dialect();
        String sql = "COPY " + tableName(dialect, table) + " (" + columnList(dialect, cols) + ") TO STDOUT";
        var names = new ArrayList<String>(cols.size());
        var types = new ArrayList<SqlType<?>>(cols.size());
        for (Column<?> c : cols) {
            names.add(c.name());
            types.add(c.type());
        }
        return DefaultCopyOut.start(new Session(conn, jdbc, log, sql, false), jdbc, names, types,
                List.copyOf(cols));
    }

    static CopyOut copyOut(DefaultConnection conn, java.sql.Connection jdbc, StatementLog log,
                           SelectStatement query) {
        Checks.notNull(query, "the query");
        requirePostgres(conn, "use conn.execute(select(...)) with ExecutionOptions.stream(n) to stream many rows");
        Compiled compiled = conn.dialect().compile(query);
        String sql = "COPY (" + compiled.sql() + ") TO STDOUT";
        if (!compiled.params().isEmpty()) {
            throw new NotSupportedException("COPY (query) TO STDOUT cannot take bind parameters and Vellum never "
                    + "writes values into SQL text; this query has " + compiled.params().size() + ". Select without "
                    + "values (filter into a temporary table first), or stream it with conn.execute(ExecutionOptions"
                    + ".stream(n), query)", DatabaseException.Detail.of(sql), null);
        }
        var names = new ArrayList<String>();
        var types = new ArrayList<SqlType<?>>();
        for (Expression<?> e : compiled.selected()) {
            names.add(switch (e) {
                case Column<?> c -> c.name();
                case Expression.Label<?> l -> l.alias();
                case Expression.QualifiedColumn<?> q -> q.name();
                default -> "?column?";
            });
            types.add(e.type());
        }
        return DefaultCopyOut.start(new Session(conn, jdbc, log, sql, false), jdbc, names, types,
                compiled.selected());
    }

    private static void requirePostgres(DefaultConnection conn, String instead) {
        Backend backend = conn.backend();
        if (backend != Backend.POSTGRESQL) {
            String name = backend == Backend.SQLITE ? "SQLite" : "MariaDB";
            throw new NotSupportedException("COPY is PostgreSQL's; " + name + " has no COPY: " + instead,
                    DatabaseException.Detail.of(null), null);
        }
    }

    /** The columns asked for (all of the table's when none), each checked to be the table's, once. */
    private static List<Column<?>> columns(Table table, Column<?>[] columns) {
        Checks.notNull(table, "the table");
        Checks.notNull(columns, "the columns");
        if (columns.length == 0) {
            return table.columns();
        }
        var seen = new HashSet<Column<?>>();
        for (Column<?> c : columns) {
            Checks.notNull(c, "a column");
            if (!table.columns().contains(c)) {
                throw new ProgrammingException("COPY of " + table.name() + " got column " + c + ", which is not one"
                        + " of its columns " + table.columns(), DatabaseException.Detail.of(null), null);
            }
            if (!seen.add(c)) {
                throw new ProgrammingException("COPY of " + table.name() + " names column " + c + " twice",
                        DatabaseException.Detail.of(null), null);
            }
        }
        return List.of(columns);
    }

    private static String tableName(Dialect dialect, Table table) {
        return (table.schema() == null ? "" : dialect.quote(table.schema()) + ".") + dialect.quote(table.name());
    }

    private static String columnList(Dialect dialect, List<Column<?>> columns) {
        var sb = new StringBuilder();
        for (Column<?> c : columns) {
            sb.append(sb.isEmpty() ? "" : ", ").append(dialect.quote(c.name()));
        }
        return sb.toString();
    }

    /**
     * The bookkeeping of one COPY on its connection: savepoint, the connection's guard, the leak counter, the
     * statement log. {@link #open} before the driver starts the COPY; then exactly one of {@link #succeeded},
     * {@link #failed} or {@link #aborted}.
     */
    static final class Session {
        private static final String SILENCE = "SELECT set_config('client_min_messages', 'error', false), old"
                + " FROM (SELECT current_setting('client_min_messages') AS old OFFSET 0) AS before";
        private static final String RESTORE = "SELECT set_config('client_min_messages', ?, false)";

        final DefaultConnection conn;
        final String sql;
        private final java.sql.Connection jdbc;
        private final StatementLog log;
        private final boolean silence;
        private String messages;
        private NestedTransaction savepoint;
        private long started;
        private boolean active;

        Session(DefaultConnection conn, java.sql.Connection jdbc, StatementLog log, String sql, boolean silence) {
            this.conn = conn;
            this.jdbc = jdbc;
            this.log = log;
            this.sql = sql;
            this.silence = silence;
        }

        /**
         * Silences notices (COPY IN), takes the savepoint (inside a transaction) and logs the statement; the COPY
         * starts next.
         */
        void open() {
            if (silence) {
                try (var st = jdbc.createStatement(); var rs = st.executeQuery(SILENCE)) {
                    rs.next();
                    messages = rs.getString(2);
                } catch (SQLException e) {
                    throw conn.error(e, SILENCE);
                }
            }
            if (!conn.isAutocommit()) {
                try {
                    savepoint = conn.beginNested();
                } catch (RuntimeException e) {
                    suppress(e, restoreMessages());
                    throw e;
                }
            }
            started = log == null ? 0 : log.starting(sql, NO_BINDS);
        }

        /** Puts {@code client_min_messages} back; returns the failure to do so, or {@code null}. */
        private DatabaseException restoreMessages() {
            if (messages == null) {
                return null;
            }
            String value = messages;
            messages = null;
            try (var ps = jdbc.prepareStatement(RESTORE)) {
                ps.setString(1, value);
                ps.executeQuery().close();
                return null;
            } catch (SQLException e) {
                return conn.error(e, RESTORE);
            }
        }

        /** Adds {@code secondary} to {@code failure}; throws it when there is no failure to add it to. */
        private static void suppress(RuntimeException failure, RuntimeException secondary) {
            if (secondary == null) {
                return;
            }
            if (failure == null) {
                throw secondary;
            }
            failure.addSuppressed(secondary);
        }

        /** The driver started the COPY: guard the connection until it ends. */
        void started(Active copy) {
            active = true;
            ResourceTracker.statementOpened();
            conn.copyStarted(copy);
        }

        /** The COPY ended well: lift the guard and release the savepoint. */
        void succeeded() {
            end();
            if (log != null) {
                log.finished(sql, started);
            }
            if (savepoint != null) {
                savepoint.commit();
            }
            suppress(null, restoreMessages());
        }

        /**
         * The COPY failed or was cancelled and the driver is done with it: lift the guard and roll back to the
         * savepoint, so the transaction goes on. A failure of that is added to {@code failure} when there is one.
         */
        void failed(RuntimeException failure) {
            end();
            if (conn.isClosed()) {
                return;
            }
            if (savepoint != null) {
                try {
                    savepoint.rollback();
                } catch (RuntimeException e) {
                    suppress(failure, e);
                }
            }
            suppress(failure, restoreMessages());
        }

        /**
         * The connection is closing with the COPY open: it rolls the transaction back itself (which undoes the
         * silencing too); in autocommit mode the setting is put back here, quietly.
         */
        void aborted() {
            end();
            if (conn.isAutocommit()) {
                restoreMessages(); // a failure is the connection's: it is released as broken when it cannot roll back
            }
            messages = null;
        }

        private void end() {
            if (active) {
                active = false;
                ResourceTracker.statementClosed();
                conn.copyEnded();
            }
        }

        DatabaseException error(SQLException e) {
            return conn.error(e, sql);
        }
    }
}
