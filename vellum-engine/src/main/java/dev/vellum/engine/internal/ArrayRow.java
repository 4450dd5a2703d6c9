package dev.vellum.engine.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import dev.vellum.engine.Row;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.ast.Expression;

/** A row backed by an array of normalised values; immutable. */
final class ArrayRow implements Row {
    private final Columns columns;
    private final Object[] values;

    ArrayRow(Columns columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public Object get(int index) {
        columns.name(index);
        return values[index];
    }

    @Override
    public Object get(String column) {
        return values[columns.indexOf(column)];
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        if (index < 0 || index >= values.length) {
            columns.name(index);
        }
        Object value = values[index];
        if (type != null && type.isInstance(value)) {
            return type.cast(value);
        }
        return Values.convert(value, type, "column '" + columns.name(index) + "'");
    }

    @Override
    public <T> T get(String column, Class<T> type) {
        return Values.convert(values[columns.indexOf(column)], type, "column '" + column + "'");
    }

    @Override
    public <T> T get(Expression<T> column) {
        int i = columns.indexOf(column);
        SqlType<T> type = column.type();
        Object stored = Values.convert(values[i], type.readAs(), "column " + columns.name(i));
        return type.fromDatabase(stored);
    }

    /** The backing array, for mappers inside this package; never handed to callers. */
    Object[] raw() {
        return values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public List<String> columns() {
        return columns.names();
    }

    @Override
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public <R extends Record> R as(Class<R> recordType) {
        return columns.mapper(recordType).map(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayRow r && Arrays.deepEquals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Rows.tuple(values);
    }
}
