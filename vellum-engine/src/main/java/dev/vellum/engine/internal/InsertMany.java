package dev.vellum.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vellum.dialect.Compiled;
import dev.vellum.dialect.Dialect;
import dev.vellum.engine.Backend;
import dev.vellum.engine.Result;
import dev.vellum.engine.Row;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.InvalidResultException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.sql.Column;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.Insert;

/**
 * "insertmanyvalues": many rows through one Core insert. Without {@code RETURNING} the rows take
 * {@code executeMany}'s fastest path. With it they go as multi-row {@code INSERT ... VALUES ... RETURNING} in
 * batches within the dialect's parameter limit, and the returned rows are put in input order by construction,
 * never by trusting the order the database returns them in:
 * <ul>
 *   <li>when the table has an autoincrement column the rows do not set, it is returned too and the rows sorted by
 *       it: the database numbers the rows of one statement in the order of its {@code VALUES} list;</li>
 *   <li>else, when the rows set the whole primary key, each returned row is matched to its input by that key;</li>
 *   <li>else (or for an upsert numbered by autoincrement, where skipped rows break the count) each row is its own
 *       statement.</li>
 * </ul>
 * Extra key columns asked for this are cut from the rows handed back.
 */
final class InsertMany {
    private static final int MAX_ROWS_PER_STATEMENT = 1_000;
    private static final int MAX_SHAPES = 256;
    private static final Map<Shape, Compiled> SHAPES = new ConcurrentHashMap<>();

    /** What a whole batch's SQL depends on when there is no upsert. */
    private record Shape(Dialect dialect, Table table, List<Column<?>> columns, int rows,
                         List<Expression<?>> returned) {
    }

    private final DefaultConnection conn;
    private final Insert insert;
    private final Dialect dialect;

    InsertMany(DefaultConnection conn, Insert insert) {
        this.conn = conn;
        this.insert = insert;
        this.dialect = conn.dialect();
        if (insert.select() != null || !insert.rows().isEmpty()) {
            throw new InterfaceException("execute(insert, rows) takes an insert without values(...) or select(...);"
                    + " the rows give the values");
        }
    }

    Result run(List<? extends Map<? extends Column<?>, ?>> rows) {
        if (rows.isEmpty()) {
            return insert.returning().isEmpty() ? new DefaultResult(0)
                    : new DefaultResult(conn, returnedColumns(), List.of());
        }
        List<Column<?>> given = columnsOf(rows.getFirst());
        List<Object[]> values = valuesOf(rows, given);
        List<Column<?>> defaulted = ClientDefaults.missing(insert, given);
        List<Column<?>> columns = given;
        if (!defaulted.isEmpty()) {
            columns = new ArrayList<>(given);
            columns.addAll(defaulted);
            for (int r = 0; r < values.size(); r++) {
                Object[] row = Arrays.copyOf(values.get(r), columns.size());
                for (int i = 0; i < defaulted.size(); i++) {
                    row[given.size() + i] = defaulted.get(i).clientDefault().get();
                }
                values.set(r, row);
            }
        }
        if (insert.returning().isEmpty()) {
            String sql = dialect.compile(single(columns, values.getFirst())).sql();
            Backend backend = conn.url().backend();
            List<Object[]> stored = new ArrayList<>(values.size());
            for (Object[] row : values) {
                var out = new Object[row.length];
                for (int i = 0; i < row.length; i++) {
                    SqlType<?> type = columns.get(i).type();
                    Object value = type.toDatabase(row[i]);
                    // JSON for PostgreSQL and arrays need their type at bind time, as in a compiled statement
                    out[i] = value == null ? null : CompiledBinds.value(value, type.storage(), backend);
                }
                stored.add(out);
            }
            return new DefaultResult(conn.executeMany(sql, stored));
        }
        return returning(columns, values);
    }

    private Result returning(List<Column<?>> columns, List<Object[]> values) {
        List<Expression<?>> asked = insert.returning();
        List<Column<?>> key = sentinel(columns);
        boolean byNumber = key.size() == 1 && key.getFirst().isAutoincrement() && !columns.contains(key.getFirst());
        int perStatement = key.isEmpty() || byNumber && insert.conflict() != null ? 1
                : Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, dialect.maxBindParameters() / columns.size()));
        // the key columns are returned too, unless asked for already: where each sits in a returned row
        var withKey = new ArrayList<Expression<?>>(asked);
        int[] keyAt = new int[key.size()];
        for (int i = 0; i < key.size(); i++) {
            int at = withKey.indexOf(key.get(i));
            if (at < 0) {
                at = withKey.size();
                withKey.add(key.get(i));
            }
            keyAt[i] = at;
        }
        List<Row> out = new ArrayList<>(values.size());
        Columns resultColumns = returnedColumns();
        // the compilation of a whole batch, rebound for the batches after it (and, without an upsert, whose
        // values it would carry along, for later calls of the same shape)
        var shape = new Shape(dialect, insert.table(), columns, perStatement, withKey);
        Compiled full = insert.conflict() == null ? SHAPES.get(shape) : null;
        var batches = new ArrayList<Compiled>();
        for (int from = 0; from < values.size(); from += perStatement) {
            List<Object[]> chunk = values.subList(from, Math.min(values.size(), from + perStatement));
            if (full != null && chunk.size() == perStatement) {
                batches.add(rebind(full, chunk, columns));
                continue;
            }
            var rows = new ArrayList<List<Expression<?>>>(chunk.size());
            for (Object[] row : chunk) {
                var binds = new ArrayList<Expression<?>>(row.length);
                for (int i = 0; i < row.length; i++) {
                    binds.add(columns.get(i).bindAny(row[i]));
                }
                rows.add(binds);
            }
            Compiled compiled = dialect.compile(new Insert(insert.table(), columns, rows, null, insert.conflict(),
                    withKey));
            batches.add(compiled);
            if (chunk.size() == perStatement) {
                full = compiled;
                if (insert.conflict() == null) {
                    if (SHAPES.size() >= MAX_SHAPES) {
                        SHAPES.clear();
                    }
                    SHAPES.put(shape, compiled);
                }
            }
        }
        List<List<Object[]>> returned = conn.queryEach(batches);
        for (int b = 0; b < batches.size(); b++) {
            int from = b * perStatement;
            List<Object[]> chunk = values.subList(from, Math.min(values.size(), from + perStatement));
            List<Object[]> got = returned.get(b);
            List<Object[]> ordered = byNumber ? byNumber(got, keyAt[0], chunk.size())
                    : key.isEmpty() ? got : byKey(got, keyAt, key, columns, chunk);
            for (Object[] row : ordered) {
                out.add(new ArrayRow(resultColumns, Arrays.copyOf(row, asked.size())));
            }
        }
        return new DefaultResult(conn, resultColumns, out);
    }

    /**
     * A batch of the same size as {@code full}, bound without building or walking its AST: a multi-row VALUES
     * list takes its values row by row, column by column, and whatever follows (an upsert's update) stays as is.
     */
    private static Compiled rebind(Compiled full, List<Object[]> chunk, List<Column<?>> columns) {
        int cells = chunk.size() * columns.size();
        var params = new ArrayList<Object>(full.params().size());
        for (Object[] row : chunk) {
            for (int i = 0; i < row.length; i++) {
                params.add(columns.get(i).type().toDatabase(row[i]));
            }
        }
        params.addAll(full.params().subList(cells, full.params().size()));
        return new Compiled(full.sql(), params, full.paramTypes(), full.selected());
    }

    /** The columns that put returned rows in input order: an unset autoincrement column, else a set key. */
    private List<Column<?>> sentinel(List<Column<?>> columns) {
        for (Column<?> c : insert.table().columns()) {
            if (c.isAutoincrement() && !columns.contains(c)) {
                return List.of(c);
            }
        }
        List<Column<?>> primaryKey = insert.table().primaryKeyColumns();
        return !primaryKey.isEmpty() && columns.containsAll(primaryKey) ? primaryKey : List.of();
    }

    private static List<Object[]> byNumber(List<Object[]> got, int at, int expected) {
        if (got.size() != expected) {
            throw new InvalidResultException("a multi-row insert of " + expected + " rows returned " + got.size());
        }
        var sorted = new ArrayList<>(got);
        sorted.sort(Comparator.comparingLong(r -> ((Number) r[at]).longValue()));
        return sorted;
    }

    private static List<Object[]> byKey(List<Object[]> got, int[] keyAt, List<Column<?>> key,
                                        List<Column<?>> columns, List<Object[]> chunk) {
        Map<List<Object>, Object[]> returned = new HashMap<>();
        for (Object[] raw : got) {
            var k = new ArrayList<>(key.size());
            for (int i = 0; i < key.size(); i++) {
                Column<?> c = key.get(i);
                k.add(c.type().fromDatabase(Values.convert(raw[keyAt[i]], c.type().readAs(), "key " + c.name())));
            }
            returned.put(k, raw);
        }
        List<Object[]> ordered = new ArrayList<>(chunk.size());
        for (Object[] input : chunk) {
            var k = new ArrayList<>(key.size());
            for (Column<?> c : key) {
                k.add(input[columns.indexOf(c)]);
            }
            Object[] row = returned.get(k);
            if (row != null) { // an upsert that did nothing returns no row for its input
                ordered.add(row);
            }
        }
        return ordered;
    }

    private Columns returnedColumns() {
        var names = new ArrayList<String>();
        for (Expression<?> e : insert.returning()) {
            names.add(switch (e) {
                case Column<?> c -> c.name();
                case Expression.Label<?> l -> l.alias();
                default -> "?column?";
            });
        }
        var columns = new Columns(names);
        columns.selected(insert.returning());
        return columns;
    }

    private Insert single(List<Column<?>> columns, Object[] first) {
        Insert one = Insert.into(insert.table()).columns(columns.toArray(Column<?>[]::new)).values(first);
        return new Insert(one.table(), one.columns(), one.rows(), null, insert.conflict(), List.of());
    }

    /** The insert's columns, or else those of the first row in table order. */
    private List<Column<?>> columnsOf(Map<? extends Column<?>, ?> first) {
        if (!insert.columns().isEmpty()) {
            return insert.columns();
        }
        Checks.notNull(first, "a row");
        var columns = new ArrayList<Column<?>>();
        for (Column<?> c : insert.table().columns()) {
            if (first.containsKey(c)) {
                columns.add(c);
            }
        }
        if (columns.size() != first.size()) {
            throw new ProgrammingException("row 0 sets columns that are not columns of " + insert.table().name()
                    + ": " + first.keySet(), DatabaseException.Detail.of(null), null);
        }
        return columns;
    }

    private static ProgrammingException wrongColumns(int r, Map<? extends Column<?>, ?> row, List<Column<?>> cols) {
        return new ProgrammingException("row " + r + " sets " + (row == null ? "nothing" : row.keySet())
                + " but every row must set exactly " + cols, DatabaseException.Detail.of(null), null);
    }

    private static List<Object[]> valuesOf(List<? extends Map<? extends Column<?>, ?>> rows, List<Column<?>> cols) {
        var out = new ArrayList<Object[]>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Map<? extends Column<?>, ?> row = rows.get(r);
            if (row == null || row.size() != cols.size()) {
                throw wrongColumns(r, row, cols);
            }
            var values = new Object[cols.size()];
            for (int i = 0; i < values.length; i++) {
                Column<?> c = cols.get(i);
                Object v = row.get(c);
                if (v == null && !row.containsKey(c)) {
                    throw wrongColumns(r, row, cols);
                }
                if (v != null && !c.type().javaType().isInstance(v)) {
                    throw new ProgrammingException("row " + r + ": column " + c + " takes " + c.type().javaType()
                            .getSimpleName() + ", got " + v.getClass().getSimpleName() + " " + v,
                            DatabaseException.Detail.of(null), null);
                }
                values[i] = v;
            }
            out.add(values);
        }
        return out;
    }
}
