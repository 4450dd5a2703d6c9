package dev.vellum.engine.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import dev.vellum.engine.internal.driver.ColumnReader;
import dev.vellum.error.InterfaceException;

/**
 * Chooses, once per (result, record type), how each record component is read straight from the current row: the
 * typed getter its column allows ({@code getLong} for a {@code long}, {@code getString} for a {@code String},
 * ...), or the column's normal reader followed by a conversion, as {@code Row.get(i, Type.class)} does. Rows then
 * map without an intermediate {@code Row}. A NULL read into a primitive component is an error, never a silent
 * zero. Thread-safe.
 *
 * <p>Getters are plain functional objects, not a composed {@code MethodHandle} tree: composing handles per result
 * cost more than a one-row lookup, and invoking a non-constant tree was slower per row than these calls.
 */
final class RowReaders {
    /** Reads one component's value from a 1-based column of the current row. */
    @FunctionalInterface
    interface Getter {
        Object get(ResultSet rs, int column) throws SQLException;
    }

    private RowReaders() {
    }

    /** The getters for {@code record}'s components, read from 0-based columns {@code columnOf}. */
    static Getter[] build(RecordType record, int[] columnOf, int[] sqlTypes, ColumnReader[] readers,
                          boolean exactDecimals) {
        var getters = new Getter[record.types.length];
        for (int i = 0; i < getters.length; i++) {
            int column = columnOf[i];
            String what = record.type.getSimpleName() + "." + record.names[i];
            getters[i] = getter(record.types[i], sqlTypes[column], exactDecimals, readers[column], what);
        }
        return getters;
    }

    private static Getter getter(Class<?> type, int sqlType, boolean exactDecimals, ColumnReader reader,
                                 String what) {
        boolean integral = sqlType == Types.TINYINT || sqlType == Types.SMALLINT || sqlType == Types.INTEGER;
        boolean floating = sqlType == Types.DOUBLE || sqlType == Types.FLOAT || sqlType == Types.REAL;
        boolean bool = sqlType == Types.BOOLEAN || sqlType == Types.BIT;
        if (type == long.class && (integral || sqlType == Types.BIGINT)) {
            return (rs, c) -> primitiveLong(rs, c, what);
        }
        if (type == Long.class && (integral || sqlType == Types.BIGINT)) {
            return RowReaders::boxedLong;
        }
        if (type == int.class && integral) {
            return (rs, c) -> primitiveInt(rs, c, what);
        }
        if (type == Integer.class && integral) {
            return RowReaders::boxedInt;
        }
        if (type == double.class && floating) {
            return (rs, c) -> primitiveDouble(rs, c, what);
        }
        if (type == Double.class && floating) {
            return RowReaders::boxedDouble;
        }
        if (type == boolean.class && bool) {
            return (rs, c) -> primitiveBoolean(rs, c, what);
        }
        if (type == Boolean.class && bool) {
            return RowReaders::boxedBoolean;
        }
        if (type == String.class && (sqlType == Types.VARCHAR || sqlType == Types.CHAR || sqlType == Types.NVARCHAR
                || sqlType == Types.NCHAR || sqlType == Types.LONGVARCHAR || sqlType == Types.LONGNVARCHAR)) {
            return ResultSet::getString;
        }
        if (type == BigDecimal.class && exactDecimals && (sqlType == Types.NUMERIC || sqlType == Types.DECIMAL)) {
            return ResultSet::getBigDecimal;
        }
        return (rs, c) -> converted(rs, c, reader, type, what);
    }

    // --- the getters

    static Object converted(ResultSet rs, int column, ColumnReader reader, Class<?> type, String what)
            throws SQLException {
        Object value = reader.read(rs, column);
        if (value == null && type.isPrimitive()) {
            throw nullIntoPrimitive(what);
        }
        return Values.convert(value, type, what);
    }

    static long primitiveLong(ResultSet rs, int column, String what) throws SQLException {
        long v = rs.getLong(column);
        if (v == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(what);
        }
        return v;
    }

    static Long boxedLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return v == 0 && rs.wasNull() ? null : v;
    }

    static int primitiveInt(ResultSet rs, int column, String what) throws SQLException {
        int v = rs.getInt(column);
        if (v == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(what);
        }
        return v;
    }

    static Integer boxedInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return v == 0 && rs.wasNull() ? null : v;
    }

    static double primitiveDouble(ResultSet rs, int column, String what) throws SQLException {
        double v = rs.getDouble(column);
        if (v == 0 && rs.wasNull()) {
            throw nullIntoPrimitive(what);
        }
        return v;
    }

    static Double boxedDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return v == 0 && rs.wasNull() ? null : v;
    }

    static boolean primitiveBoolean(ResultSet rs, int column, String what) throws SQLException {
        boolean v = rs.getBoolean(column);
        if (!v && rs.wasNull()) {
            throw nullIntoPrimitive(what);
        }
        return v;
    }

    static Boolean boxedBoolean(ResultSet rs, int column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return !v && rs.wasNull() ? null : v;
    }

    static InterfaceException nullIntoPrimitive(String what) {
        return new InterfaceException("cannot map NULL to primitive component " + what
                + ": declare it with a boxed type");
    }
}
