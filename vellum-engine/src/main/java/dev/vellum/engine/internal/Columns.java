package dev.vellum.engine.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vellum.engine.internal.driver.ColumnReader;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.sql.Column;
import dev.vellum.sql.ast.Expression;

/**
 * The column names of one result, shared by all its rows: name lookup (exact, then case-insensitive) and the
 * per-record-type mappers built for these columns. Thread-safe.
 */
final class Columns {
    /** Name lookup tables, built together on the first lookup by name. */
    private record Index(Map<String, Integer> exact, Map<String, Integer> folded) {
    }

    /** The last record mapper built, with its type: published together. */
    private record Mapped(Class<?> type, RecordMapper<?> mapper) {
    }

    private final List<String> names;
    private final int[] sqlTypes;
    private final ColumnReader[] readers;
    private final boolean exactDecimals;
    private List<Expression<?>> selected = List.of();
    private volatile Index index;
    private volatile Mapped mapped;

    Columns(List<String> names) {
        this(names, null, null, true);
    }

    /**
     * Columns of a live result: with their JDBC types and readers, record mappers can read straight from the
     * result set ({@link RowReaders}).
     */
    Columns(List<String> names, int[] sqlTypes, ColumnReader[] readers, boolean exactDecimals) {
        this.names = List.copyOf(names);
        this.sqlTypes = sqlTypes;
        this.readers = readers;
        this.exactDecimals = exactDecimals;
    }

    /** Records the expression behind each column, for typed access by expression (Core statements only). */
    void selected(List<Expression<?>> expressions) {
        selected = expressions;
    }

    /**
     * The index of the column an expression was selected as: by the statement's select list when there is one
     * (so two columns named {@code id} from two tables stay apart), else by the expression's name.
     */
    int indexOf(Expression<?> expression) {
        Checks.notNull(expression, "the column expression");
        List<Expression<?>> list = selected;
        for (int i = 0; i < list.size(); i++) {
            Expression<?> e = list.get(i);
            if (e.equals(expression) || e instanceof Expression.Label<?> l && l.expression().equals(expression)) {
                return i;
            }
        }
        String name = switch (expression) {
            case Column<?> c -> c.name();
            case Expression.Label<?> l -> l.alias();
            case Expression.QualifiedColumn<?> q -> q.name();
            default -> null;
        };
        if (name == null) {
            throw new ProgrammingException("this result has no column for " + expression + "; select it, or give it"
                    + " a name with .as(\"name\") and read it by that name", DatabaseException.Detail.of(null), null);
        }
        return indexOf(name);
    }

    int[] sqlTypes() {
        return sqlTypes;
    }

    ColumnReader[] readers() {
        return readers;
    }

    boolean exactDecimals() {
        return exactDecimals;
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** The index of {@code name}, or -1. The lookup tables are built on the first lookup by name. */
    int find(String name) {
        Checks.notNull(name, "the column name");
        Index idx = index;
        if (idx == null) {
            var e = new HashMap<String, Integer>();
            var f = new HashMap<String, Integer>();
            for (int i = names.size() - 1; i >= 0; i--) { // the first of duplicate names wins
                e.put(names.get(i), i);
                f.put(names.get(i).toLowerCase(Locale.ROOT), i);
            }
            idx = new Index(e, f);
            index = idx;
        }
        Integer i = idx.exact().get(name);
        if (i == null) {
            i = idx.folded().get(name.toLowerCase(Locale.ROOT));
        }
        return i == null ? -1 : i;
    }

    int indexOf(String name) {
        int i = find(name);
        if (i < 0) {
            throw new ProgrammingException("no column '" + name + "' in this result; its columns are " + names,
                    DatabaseException.Detail.of(null), null);
        }
        return i;
    }

    String name(int index) {
        if (index < 0 || index >= names.size()) {
            throw new ProgrammingException("column index " + index + " is out of range: the result has "
                    + names.size() + " column(s) " + names + ", indexed from 0",
                    DatabaseException.Detail.of(null), null);
        }
        return names.get(index);
    }

    /** The mapper of these columns to {@code type}; the last one built is kept, as a result maps to one type. */
    @SuppressWarnings("unchecked")
    <R extends Record> RecordMapper<R> mapper(Class<R> type) {
        Checks.notNull(type, "the record type");
        Mapped last = mapped;
        if (last == null || last.type() != type) {
            last = new Mapped(type, new RecordMapper<>(type, this));
            mapped = last;
        }
        return (RecordMapper<R>) last.mapper();
    }
}
