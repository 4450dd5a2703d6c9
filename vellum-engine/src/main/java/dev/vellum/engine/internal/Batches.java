package dev.vellum.engine.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.vellum.engine.internal.driver.DriverSupport;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.ProgrammingException;

/**
 * The ways {@code executeMany} sends many rows of binds on its connection: multi-row {@code VALUES} chunks, the
 * driver's batch, or one execution per row where the driver cannot batch a statement. The connection decides
 * which and wraps the whole in one transaction; one thread at a time, as the connection.
 */
final class Batches {
    private static final int BATCH_CHUNK = 10_000;

    private final DefaultConnection conn;
    private final DriverSupport driver;

    Batches(DefaultConnection conn, DriverSupport driver) {
        this.conn = conn;
        this.driver = driver;
    }

    static boolean isInsert(SqlText text) {
        return text.jdbcSql().stripLeading().regionMatches(true, 0, "INSERT", 0, 6);
    }

    /** One execution per row, for statements the driver cannot batch. */
    long oneByOne(SqlText text, String sql, List<?> rows) throws SQLException {
        PreparedStatement ps = conn.prepare(text.jdbcSql(), sql);
        try {
            long total = 0;
            for (Object row : rows) {
                bindRow(ps, 0, bindsOf(text, sql, row), sql);
                total += ps.executeUpdate();
            }
            return total;
        } finally {
            DefaultConnection.closeStatement(ps);
        }
    }

    /** The driver's batching: one prepared statement, rows added and sent in chunks. */
    long batch(SqlText text, String sql, List<?> rows) throws SQLException {
        PreparedStatement ps = conn.prepare(text.jdbcSql(), sql);
        try {
            long total = 0;
            int pending = 0;
            for (Object row : rows) {
                bindRow(ps, 0, bindsOf(text, sql, row), sql);
                ps.addBatch();
                if (++pending == BATCH_CHUNK) {
                    total = addCounts(total, ps.executeBatch());
                    pending = 0;
                }
            }
            return pending > 0 ? addCounts(total, ps.executeBatch()) : total;
        } finally {
            DefaultConnection.closeStatement(ps);
        }
    }

    /**
     * Multi-row {@code VALUES}: the single-row insert is rewritten to carry {@code chunk} rows per statement
     * (one statement for the full chunks, one for the remainder), which PostgreSQL and SQLite run faster than
     * any driver batch. Row counts come back exact.
     */
    long insertMultiRow(SqlText text, String sql, List<?> rows, int chunk) throws SQLException {
        int perRow = text.bindsPerRow();
        int size = rows.size();
        int full = size / chunk;
        long total = 0;
        if (full > 0) {
            PreparedStatement ps = conn.prepare(text.multiRow(chunk), sql);
            try {
                for (int c = 0; c < full; c++) {
                    for (int r = 0; r < chunk; r++) {
                        bindRow(ps, r * perRow, bindsOf(text, sql, rows.get(c * chunk + r)), sql);
                    }
                    total += ps.executeUpdate();
                }
            } finally {
                DefaultConnection.closeStatement(ps);
            }
        }
        int rest = size - full * chunk;
        if (rest > 0) {
            PreparedStatement ps = conn.prepare(text.multiRow(rest), sql);
            try {
                for (int r = 0; r < rest; r++) {
                    bindRow(ps, r * perRow, bindsOf(text, sql, rows.get(full * chunk + r)), sql);
                }
                total += ps.executeUpdate();
            } finally {
                DefaultConnection.closeStatement(ps);
            }
        }
        return total;
    }

    private void bindRow(PreparedStatement ps, int offset, Object[] binds, String sql) throws SQLException {
        for (int i = 0; i < binds.length; i++) {
            driver.bind(ps, offset + i + 1, binds[i], sql);
        }
    }

    private static Object[] bindsOf(SqlText text, String sql, Object row) {
        return switch (row) {
            case Object[] array -> text.positionalBinds(sql, array);
            case List<?> list -> text.positionalBinds(sql, list.toArray());
            case Map<?, ?> map -> text.namedBinds(sql, stringKeys(map, sql));
            case null, default -> throw new ProgrammingException("executeMany rows must be Object[], List or Map, got "
                    + (row == null ? "null" : row.getClass().getName()), DatabaseException.Detail.of(sql), null);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeys(Map<?, ?> map, String sql) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new ProgrammingException("named bind keys must be strings, got " + key,
                        DatabaseException.Detail.of(sql), null);
            }
        }
        return (Map<String, ?>) map;
    }

    private static long addCounts(long total, int[] counts) {
        if (total < 0) {
            return total;
        }
        long sum = 0;
        for (int c : counts) {
            if (c < 0) {
                return -1; // SUCCESS_NO_INFO: the driver rewrote the batch and kept no per-row counts
            }
            sum += c;
        }
        return total + sum;
    }
}
