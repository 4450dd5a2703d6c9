package dev.vellum.engine.internal.driver;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOperation;
import org.postgresql.copy.CopyOut;

/**
 * pgjdbc's COPY API ({@code CopyManager}) behind two driver-neutral handles. This is the only class of the engine
 * that names pgjdbc types, and only PostgreSQL connections reach it, so the engine loads and runs without the
 * PostgreSQL driver on the class path (pgjdbc is an optional dependency).
 *
 * <p>What pgjdbc leaves behind, and why the handles look as they do:
 * <ul>
 *   <li>While a COPY is active pgjdbc holds a lock on the connection; any other statement from the same thread
 *       waits on it forever. The caller must keep the connection from being used until {@link In#end()},
 *       {@link In#cancel()}, the last {@link Out#read()} or {@link Out#cancel()}.</li>
 *   <li>A server error during COPY IN (a constraint, a bad value) is sent at once, but pgjdbc (42.7) does not read
 *       anything while data is written: it reports the error from {@code endCopy()} (or {@code cancelCopy()}),
 *       after reading on to ReadyForQuery and releasing the lock. The server discards the data that follows an
 *       error, so nothing is stored. After such a failure the operation is inactive and must not be ended or
 *       cancelled again.</li>
 *   <li>pgjdbc's own {@code cancelCopy()} on a COPY OUT only sends a cancel request and releases its lock, leaving
 *       the rest of the rows in the socket for the next statement to trip over; {@link Out#cancel()} therefore
 *       sends the cancel request itself and reads the remaining messages until the server has answered.</li>
 * </ul>
 *
 * <p>One thread at a time, like the connection.
 */
public final class PostgresCopy {
    private PostgresCopy() {
    }

    /** A {@code COPY ... FROM STDIN} on the server, waiting for data. */
    public interface In {
        /** Sends {@code length} bytes of {@code data} as one CopyData message. */
        void write(byte[] data, int length) throws SQLException;

        /** Ends the COPY and waits for the server's verdict; returns the rows stored. */
        long end() throws SQLException;

        /** Abandons the COPY (a CopyFail message) and waits for the server to acknowledge it. */
        void cancel() throws SQLException;

        /** True until the COPY ended, failed or was cancelled. */
        boolean isActive();
    }

    /** A {@code COPY ... TO STDOUT} on the server, sending rows. */
    public interface Out {
        /** The next row (one row of text format, ending in a newline), or {@code null} at the end. */
        byte[] read() throws SQLException;

        /** The number of columns each row has, from the server's CopyOutResponse. */
        int fieldCount();

        /** The rows read so far, or the number the server reported once the end was read. */
        long rowCount();

        /**
         * Asks the server to stop and reads what is still in flight until it has answered; the error the cancel
         * causes, if it came in time, is swallowed.
         */
        void cancel() throws SQLException;

        /** True until the last row was read, or the COPY failed or was cancelled. */
        boolean isActive();
    }

    /** Starts {@code sql} ({@code COPY ... FROM STDIN}) on {@code jdbc}, a pgjdbc connection or a pool's proxy. */
    public static In copyIn(Connection jdbc, String sql) throws SQLException {
        return new InHandle(pg(jdbc).getCopyAPI().copyIn(sql));
    }

    /** Starts {@code sql} ({@code COPY ... TO STDOUT}) on {@code jdbc}, a pgjdbc connection or a pool's proxy. */
    public static Out copyOut(Connection jdbc, String sql) throws SQLException {
        PGConnection pg = pg(jdbc);
        return new OutHandle(pg, pg.getCopyAPI().copyOut(sql));
    }

    private static PGConnection pg(Connection jdbc) throws SQLException {
        return jdbc.unwrap(PGConnection.class);
    }

    /** A last resort after an I/O failure: pgjdbc releases its lock in a finally, so nothing waits on it. */
    private static void release(CopyOperation op) {
        if (op.isActive()) {
            try {
                op.cancelCopy();
            } catch (SQLException e) {
                // the connection is broken; the caller reports the failure that brought it here
            }
        }
    }

    private record InHandle(CopyIn copy) implements In {
        @Override
        public void write(byte[] data, int length) throws SQLException {
            try {
                copy.writeToCopy(data, 0, length);
            } catch (SQLException e) {
                release(copy);
                throw e;
            }
        }

        @Override
        public long end() throws SQLException {
            try {
                return copy.endCopy();
            } catch (SQLException e) {
                release(copy);
                throw e;
            }
        }

        @Override
        public void cancel() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }

        @Override
        public boolean isActive() {
            return copy.isActive();
        }
    }

    private static final class OutHandle implements Out {
        private final PGConnection pg;
        private final CopyOut copy;
        private long rows;

        OutHandle(PGConnection pg, CopyOut copy) {
            this.pg = pg;
            this.copy = copy;
        }

        @Override
        public byte[] read() throws SQLException {
            try {
                byte[] row = copy.readFromCopy();
                if (row != null) {
                    rows++;
                }
                return row;
            } catch (SQLException e) {
                release(copy);
                throw e;
            }
        }

        @Override
        public int fieldCount() {
            return copy.getFieldCount();
        }

        @Override
        public long rowCount() {
            return copy.isActive() ? rows : Math.max(rows, copy.getHandledRowCount());
        }

        @Override
        public void cancel() throws SQLException {
            if (!copy.isActive()) {
                return;
            }
            try {
                // the cancel request goes over a new socket and returns once the server has signalled the backend;
                // a backend already idle ignores it, so it cannot hit the next statement
                pg.cancelQuery();
                while (copy.readFromCopy() != null) {
                    // discard what was in flight
                }
            } catch (SQLException e) {
                if (copy.isActive()) { // not the expected "canceling statement due to user request": I/O failed
                    release(copy);
                    throw e;
                }
            }
        }

        @Override
        public boolean isActive() {
            return copy.isActive();
        }
    }
}
