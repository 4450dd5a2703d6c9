package dev.vellum.engine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Locale;

import dev.vellum.error.DatabaseException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.ProgrammingException;

/**
 * Maps rows of one result to one record type: each record component is matched once to a column by name
 * ({@code createdAt} matches {@code createdAt}, {@code created_at} or {@code CREATEDAT}), then every row is a
 * positional copy through the cached canonical constructor ({@link RecordType}), converting only values whose
 * type differs. Built once per (result, record type); thread-safe.
 */
final class RecordMapper<R extends Record> {
    private final RecordType record;
    private final int[] sourceColumn;
    private final RowReaders.Getter[] getters;

    RecordMapper(Class<R> type, Columns columns) {
        this.record = RecordType.of(type);
        this.sourceColumn = new int[record.names.length];
        var missing = new ArrayList<String>();
        for (int i = 0; i < sourceColumn.length; i++) {
            sourceColumn[i] = findColumn(columns, record.names[i]);
            if (sourceColumn[i] < 0) {
                missing.add(record.names[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw new ProgrammingException("cannot map to " + type.getSimpleName() + ": no column for component(s) "
                    + missing + " among " + columns.names(), DatabaseException.Detail.of(null), null);
        }
        this.getters = columns.readers() == null ? null : RowReaders.build(record, sourceColumn,
                columns.sqlTypes(), columns.readers(), columns.exactDecimals());
    }

    /** True when {@link #read(ResultSet)} can map straight from a live result set. */
    boolean readsResultSets() {
        return getters != null;
    }

    /** The record for the current row of {@code rs}, read with typed getters. */
    @SuppressWarnings("unchecked")
    R read(ResultSet rs) throws SQLException {
        RowReaders.Getter[] g = getters;
        int[] c = sourceColumn;
        try {
            Object built = switch (g.length) {
                case 1 -> record.generic.invokeExact(g[0].get(rs, c[0] + 1));
                case 2 -> record.generic.invokeExact(g[0].get(rs, c[0] + 1), g[1].get(rs, c[1] + 1));
                case 3 -> record.generic.invokeExact(g[0].get(rs, c[0] + 1), g[1].get(rs, c[1] + 1),
                        g[2].get(rs, c[2] + 1));
                case 4 -> record.generic.invokeExact(g[0].get(rs, c[0] + 1), g[1].get(rs, c[1] + 1),
                        g[2].get(rs, c[2] + 1), g[3].get(rs, c[3] + 1));
                case 5 -> record.generic.invokeExact(g[0].get(rs, c[0] + 1), g[1].get(rs, c[1] + 1),
                        g[2].get(rs, c[2] + 1), g[3].get(rs, c[3] + 1), g[4].get(rs, c[4] + 1));
                case 6 -> record.generic.invokeExact(g[0].get(rs, c[0] + 1), g[1].get(rs, c[1] + 1),
                        g[2].get(rs, c[2] + 1), g[3].get(rs, c[3] + 1), g[4].get(rs, c[4] + 1),
                        g[5].get(rs, c[5] + 1));
                default -> {
                    var args = new Object[g.length];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = g[i].get(rs, c[i] + 1);
                    }
                    yield record.constructor.invokeExact(args);
                }
            };
            return (R) built;
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new InterfaceException("the constructor of " + record.type.getSimpleName() + " failed: " + e, e);
        }
    }

    /** The record for one row's values, in column order. */
    R map(Object[] values) {
        var args = new Object[sourceColumn.length];
        for (int i = 0; i < args.length; i++) {
            Object v = values[sourceColumn[i]];
            Class<?> target = record.types[i];
            if (v == null) {
                if (target.isPrimitive()) {
                    throw RowReaders.nullIntoPrimitive(record.type.getSimpleName() + "." + record.names[i]);
                }
            } else if (!record.boxedTypes[i].isInstance(v)) {
                v = Values.convert(v, target, record.type.getSimpleName() + "." + record.names[i]);
            }
            args[i] = v;
        }
        return construct(args);
    }

    @SuppressWarnings("unchecked")
    private R construct(Object[] args) {
        try {
            Object built = record.constructor.invokeExact(args);
            return (R) built;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new InterfaceException("the constructor of " + record.type.getSimpleName() + " failed: " + e, e);
        }
    }

    private static int findColumn(Columns columns, String component) {
        int i = columns.find(component);
        if (i >= 0) {
            return i;
        }
        var folded = component.toLowerCase(Locale.ROOT);
        for (int c = 0; c < columns.size(); c++) {
            if (columns.names().get(c).replace("_", "").toLowerCase(Locale.ROOT).equals(folded)) {
                return c;
            }
        }
        return -1;
    }
}
