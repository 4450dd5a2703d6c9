package dev.vellum.engine.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import dev.vellum.engine.internal.driver.ColumnReader;
import dev.vellum.error.InterfaceException;

/**
 * Builds, once per (result, record type), one {@link MethodHandle} {@code (ResultSet) -> record} that reads each
 * component straight from the current row with the typed getter its column allows ({@code getLong} into a
 * {@code long}, {@code getString} into a {@code String}, ...) and passes the values to the canonical constructor:
 * no boxing of primitives, no intermediate arrays. Components whose column type does not match a typed getter
 * are read by the column's normal reader and converted, as {@code Row.get(i, Type.class)} does. A NULL read into a
 * primitive component is an error, never a silent zero. Thread-safe.
 */
final class RowReaders {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private RowReaders() {
    }

    /**
     * The reader for {@code record} from 1-based columns {@code columnOf[i] + 1} whose JDBC types are
     * {@code sqlTypes}.
     */
    static MethodHandle build(RecordType record, int[] columnOf, int[] sqlTypes, ColumnReader[] readers,
                              boolean exactDecimals) {
        int n = record.types.length;
        MethodHandle ctor = record.exactConstructor;
        var getters = new MethodHandle[n];
        for (int i = 0; i < n; i++) {
            int column = columnOf[i];
            String what = record.type.getSimpleName() + "." + record.names[i];
            getters[i] = getter(record.types[i], sqlTypes[column], exactDecimals, column + 1, readers[column], what);
        }
        MethodHandle spread = MethodHandles.filterArguments(ctor, 0, getters);
        var sameRow = new int[n];
        MethodHandle fromRow = MethodHandles.permuteArguments(spread,
                MethodType.methodType(record.type, ResultSet.class), sameRow);
        return fromRow.asType(MethodType.methodType(Object.class, ResultSet.class));
    }

    private static MethodHandle getter(Class<?> type, int sqlType, boolean exactDecimals, int column,
                                       ColumnReader reader, String what) {
        String name = typedGetter(type, sqlType, exactDecimals);
        try {
            if (name == null) {
                MethodHandle convert = LOOKUP.findStatic(RowReaders.class, "converted", MethodType.methodType(
                        Object.class, ResultSet.class, int.class, ColumnReader.class, Class.class, String.class));
                return MethodHandles.insertArguments(convert, 1, column, reader, type, what)
                        .asType(MethodType.methodType(type, ResultSet.class));
            }
            MethodHandle typed = LOOKUP.findStatic(RowReaders.class, name,
                    MethodType.methodType(type, ResultSet.class, int.class, String.class));
            return MethodHandles.insertArguments(typed, 1, column, what);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name of the typed getter below for a component type and column type, or null to convert. */
    private static String typedGetter(Class<?> type, int sqlType, boolean exactDecimals) {
        boolean integral = sqlType == Types.TINYINT || sqlType == Types.SMALLINT || sqlType == Types.INTEGER;
        if ((type == long.class || type == Long.class) && (integral || sqlType == Types.BIGINT)) {
            return type == long.class ? "primitiveLong" : "boxedLong";
        }
        if ((type == int.class || type == Integer.class) && integral) {
            return type == int.class ? "primitiveInt" : "boxedInt";
        }
        if ((type == double.class || type == Double.class)
                && (sqlType == Types.DOUBLE || sqlType == Types.FLOAT || sqlType == Types.REAL)) {
            return type == double.class ? "primitiveDouble" : "boxedDouble";
        }
        if ((type == boolean.class || type == Boolean.class) && (sqlType == Types.BOOLEAN || sqlType == Types.BIT)) {
            return type == boolean.class ? "primitiveBoolean" : "boxedBoolean";
        }
        if (type == String.class && (sqlType == Types.VARCHAR || sqlType == Types.CHAR || sqlType == Types.NVARCHAR
                || sqlType == Types.NCHAR || sqlType == Types.LONGVARCHAR || sqlType == Types.LONGNVARCHAR)) {
            return "text";
        }
        if (type == BigDecimal.class && exactDecimals && (sqlType == Types.NUMERIC || sqlType == Types.DECIMAL)) {
            return "decimal";
        }
        return null;
    }

    // --- the getters the handles call

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

    static Long boxedLong(ResultSet rs, int column, String what) throws SQLException {
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

    static Integer boxedInt(ResultSet rs, int column, String what) throws SQLException {
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

    static Double boxedDouble(ResultSet rs, int column, String what) throws SQLException {
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

    static Boolean boxedBoolean(ResultSet rs, int column, String what) throws SQLException {
        boolean v = rs.getBoolean(column);
        return !v && rs.wasNull() ? null : v;
    }

    static String text(ResultSet rs, int column, String what) throws SQLException {
        return rs.getString(column);
    }

    static BigDecimal decimal(ResultSet rs, int column, String what) throws SQLException {
        return rs.getBigDecimal(column);
    }

    static InterfaceException nullIntoPrimitive(String what) {
        return new InterfaceException("cannot map NULL to primitive component " + what
                + ": declare it with a boxed type");
    }
}
