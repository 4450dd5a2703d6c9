package dev.vellum.engine.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.regex.Pattern;

import dev.vellum.engine.Backend;
import dev.vellum.error.DataException;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.DatabaseException.Detail;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.InternalException;
import dev.vellum.error.NotSupportedException;
import dev.vellum.error.OperationalException;
import dev.vellum.error.ProgrammingException;

/**
 * Maps a driver's {@link SQLException} onto Vellum's exception tree. PostgreSQL and MariaDB report a SQLState,
 * whose class (first two characters) decides, with MariaDB vendor codes refining the {@code HY000} catch-all;
 * sqlite-jdbc reports no SQLState but the SQLite result code. The same failure maps to the same class on every
 * backend: a unique violation is an {@link IntegrityException} everywhere.
 *
 * <p>Transient (worth retrying the transaction): serialization failures and deadlocks (40001, 40P01, MariaDB
 * 1213), lock wait timeouts (PostgreSQL 55P03, MariaDB 1205), connection failures (class 08, server shutdown
 * 57P01-57P03, MariaDB 2006/2013/1927), and a busy or locked SQLite database. Stateless and thread-safe.
 */
public final class ErrorMapper {
    /** The connection number MariaDB's driver puts before every message: noise that differs on every run. */
    private static final Pattern CONNECTION_PREFIX = Pattern.compile("^\\(conn=\\d+\\) ");

    private enum Kind { DATA, OPERATIONAL, INTEGRITY, INTERNAL, PROGRAMMING, NOT_SUPPORTED, DATABASE }

    private ErrorMapper() {
    }

    /** The Vellum exception for a driver error raised while running {@code sql} (may be {@code null}). */
    public static DatabaseException map(Backend backend, SQLException e, String sql) {
        return map(backend, e, sql, oneLine(e.getMessage()));
    }

    /** As {@link #map(Backend, SQLException, String)}, with a message of Vellum's own. */
    public static DatabaseException map(Backend backend, SQLException e, String sql, String message) {
        String state = e.getSQLState();
        int code = e.getErrorCode();
        Kind kind = backend == Backend.SQLITE && state == null
                ? sqliteKind(code, e.getMessage())
                : stateKind(state, code);
        if (kind == Kind.DATABASE) {
            kind = classKind(e);
        }
        var detail = new Detail(sql, state, code, isTransient(backend, state, code, e));
        return switch (kind) {
            case DATA -> new DataException(message, detail, e);
            case OPERATIONAL -> new OperationalException(message, detail, e);
            case INTEGRITY -> new IntegrityException(message, detail, e);
            case INTERNAL -> new InternalException(message, detail, e);
            case PROGRAMMING -> new ProgrammingException(message, detail, e);
            case NOT_SUPPORTED -> new NotSupportedException(message, detail, e);
            case DATABASE -> new DatabaseException(message, detail, e);
        };
    }

    private static Kind stateKind(String state, int code) {
        switch (code) { // MariaDB vendor codes first: its SQLState is often the generic HY000
            case 1205, 1213, 1317, 1927, 1969, 2006, 2013: return Kind.OPERATIONAL;
            case 1792: return Kind.INTERNAL;
            case 1235: return Kind.NOT_SUPPORTED; // "This version of MariaDB doesn't yet support ..."
            case 1062, 1048, 1451, 1452, 1557, 1586, 3819, 4025: return Kind.INTEGRITY;
            // 1052 (ambiguous column) comes with SQLState 23000, as if it were a constraint violation
            case 1146, 1052, 1054, 1064, 1049, 1050, 1051, 1091, 1109, 1305: return Kind.PROGRAMMING;
            case 1264, 1265, 1292, 1366, 1406, 1367, 1690: return Kind.DATA;
            default: break;
        }
        if (state == null || state.length() < 2) {
            return Kind.DATABASE;
        }
        return switch (state.substring(0, 2)) {
            case "22" -> Kind.DATA;
            case "23" -> Kind.INTEGRITY;
            case "42", "3D", "3F", "21", "26", "34", "07" -> Kind.PROGRAMMING;
            case "0A" -> Kind.NOT_SUPPORTED;
            case "08", "40", "53", "54", "55", "57", "58", "28", "HY", "70", "S1" -> Kind.OPERATIONAL;
            case "25", "24", "2B", "2D", "2F", "XX", "P0", "0B", "39", "38", "F0" -> Kind.INTERNAL;
            default -> Kind.DATABASE;
        };
    }

    /** SQLite primary result codes (sqlite3.h). */
    private static Kind sqliteKind(int code, String message) {
        return switch (code & 0xff) {
            case 19 -> Kind.INTEGRITY;                          // SQLITE_CONSTRAINT
            case 1, 21, 25 -> Kind.PROGRAMMING;                 // SQLITE_ERROR (syntax, no such table), MISUSE, RANGE
            case 18, 20 -> Kind.DATA;                           // SQLITE_TOOBIG, SQLITE_MISMATCH
            case 8, 2, 11, 26 -> Kind.INTERNAL;                 // READONLY, INTERNAL, CORRUPT, NOTADB
            // PERM, ABORT, BUSY, LOCKED, NOMEM, INTERRUPT, IOERR, FULL, CANTOPEN, PROTOCOL, SCHEMA
            case 3, 4, 5, 6, 7, 9, 10, 13, 14, 15, 17 -> Kind.OPERATIONAL;
            case 0 -> message != null && message.contains("closed") ? Kind.OPERATIONAL : Kind.DATABASE;
            default -> Kind.DATABASE;
        };
    }

    private static Kind classKind(SQLException e) {
        if (e instanceof SQLTimeoutException || e instanceof SQLRecoverableException
                || e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientException) {
            return Kind.OPERATIONAL;
        }
        return Kind.DATABASE;
    }

    private static boolean isTransient(Backend backend, String state, int code, SQLException e) {
        if (backend == Backend.SQLITE && state == null) {
            int primary = code & 0xff;
            return primary == 5 || primary == 6; // SQLITE_BUSY, SQLITE_LOCKED
        }
        if (code == 1213 || code == 1205 || code == 2006 || code == 2013 || code == 1927) {
            return true;
        }
        if (state != null) {
            if (state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.startsWith("08")
                    || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                return true;
            }
        }
        return e instanceof SQLRecoverableException || e instanceof SQLTransientException
                && !(e instanceof SQLTimeoutException);
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "database error";
        }
        return CONNECTION_PREFIX.matcher(message.strip()).replaceFirst("").replaceAll("\\s*\\R\\s*", "; ");
    }
}
