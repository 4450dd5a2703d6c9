package dev.vellum.sql.ast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.Column;
import dev.vellum.sql.Table;

/**
 * {@code INSERT INTO table (columns) VALUES (...), (...) | SELECT ... [ON CONFLICT ...] [RETURNING ...]}.
 * Built with {@code Sql.insert(table)}; every method returns a new insert. An insert with columns but no rows is
 * the statement for {@code conn.execute(insert, rows)}, which sends many rows in bounded batches.
 *
 * @param table      the target table
 * @param columns    the columns given values
 * @param rows       the rows of values, each in {@code columns} order
 * @param select     the query of {@code INSERT ... SELECT}, or {@code null}
 * @param conflict   the upsert clause ({@code ON CONFLICT ...}), or {@code null}
 * @param returning  RETURNING expressions
 * @since 0.1
 */
public record Insert(Table table, List<Column<?>> columns, List<List<Expression<?>>> rows, SelectStatement select,
                     OnConflict conflict, List<Expression<?>> returning) implements Statement {
    /** Copies the lists and checks every row has a value per column. */
    public Insert {
        Nodes.notNull(table, "the table of an insert");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        returning = List.copyOf(returning);
        for (Column<?> c : columns) {
            if (c.table() != table) {
                throw new InterfaceException("column " + c.table().name() + "." + c.name() + " is not a column of "
                        + table.name());
            }
        }
        for (List<Expression<?>> row : rows) {
            if (row.size() != columns.size()) {
                throw new InterfaceException("a row of " + row.size() + " values for " + columns.size() + " columns");
            }
        }
    }

    /** An insert into {@code table} with nothing set yet. */
    public static Insert into(Table table) {
        return new Insert(table, List.of(), List.of(), null, null, List.of());
    }

    /** Sets one column of a single-row insert: {@code insert(USERS).value(USERS.name, "Bob")}. */
    public <T> Insert value(Column<T> column, T value) {
        return value(column, Nodes.notNull(column, "the column").bindOf(value));
    }

    /** Sets one column of a single-row insert to an expression. */
    public <T> Insert value(Column<T> column, Expression<? extends T> value) {
        Nodes.notNull(column, "the column");
        Nodes.notNull(value, "the value of " + column.name());
        if (rows.size() > 1 || select != null) {
            throw new InterfaceException("value(column, value) builds a single-row insert; this one has "
                    + (select != null ? "a SELECT" : rows.size() + " rows"));
        }
        if (columns.contains(column)) {
            throw new InterfaceException("column " + column.name() + " is set twice");
        }
        var cols = new ArrayList<>(columns);
        cols.add(column);
        var row = new ArrayList<Expression<?>>(rows.isEmpty() ? List.of() : rows.getFirst());
        row.add(value);
        return new Insert(table, cols, List.of(row), null, conflict, returning);
    }

    /** The columns that {@link #values(Object...)} rows or a {@link #select} fill, in order. */
    public Insert columns(Column<?>... cols) {
        if (!rows.isEmpty()) {
            throw new InterfaceException("columns(...) comes before the rows");
        }
        return new Insert(table, Arrays.asList(cols), rows, select, conflict, returning);
    }

    /** Adds a row: one value per column of {@link #columns}, each bound with its column's type. */
    public Insert values(Object... values) {
        Nodes.notNull(values, "the row");
        if (values.length != columns.size()) {
            throw new InterfaceException("a row of " + values.length + " values for " + columns.size()
                    + " columns " + columns.stream().map(Column::name).toList());
        }
        var row = new ArrayList<Expression<?>>(values.length);
        for (int i = 0; i < values.length; i++) {
            row.add(columns.get(i).bindAny(values[i]));
        }
        var all = new ArrayList<>(rows);
        all.add(row);
        return new Insert(table, columns, all, select, conflict, returning);
    }

    /** {@code INSERT INTO table (columns) SELECT ...}. */
    public Insert select(SelectStatement query) {
        Nodes.notNull(query, "the query of INSERT ... SELECT");
        if (!rows.isEmpty()) {
            throw new InterfaceException("an insert has either rows or a SELECT, not both");
        }
        if (query.selected().size() != columns.size()) {
            throw new InterfaceException("the SELECT gives " + query.selected().size() + " columns for "
                    + columns.size());
        }
        return new Insert(table, columns, rows, query, conflict, returning);
    }

    /** Starts an upsert on the unique key made of {@code target}. */
    public ConflictStep onConflict(Column<?>... target) {
        if (target == null || target.length == 0) {
            throw new InterfaceException("onConflict needs the columns of a unique key");
        }
        return new ConflictStep(this, List.of(target));
    }

    /** {@code RETURNING expressions} (PostgreSQL, SQLite and MariaDB 10.5+). */
    public Insert returning(Expression<?>... expressions) {
        return new Insert(table, columns, rows, select, conflict, List.of(expressions));
    }

    /**
     * The second half of {@link #onConflict}: {@code doNothing()} or {@code doUpdate(set(...), ...)}.
     *
     * @param insert the insert
     * @param target the conflict target
     */
    public record ConflictStep(Insert insert, List<Column<?>> target) {
        /** {@code ON CONFLICT (target) DO NOTHING}. */
        public Insert doNothing() {
            return with(List.of());
        }

        /** {@code ON CONFLICT (target) DO UPDATE SET ...}; {@code Sql.excluded(col)} is the proposed value. */
        public Insert doUpdate(Assignment... updates) {
            if (updates.length == 0) {
                throw new InterfaceException("doUpdate needs at least one set(column, value)");
            }
            return with(List.of(updates));
        }

        private Insert with(List<Assignment> updates) {
            return new Insert(insert.table(), insert.columns(), insert.rows(), insert.select(),
                    new OnConflict(target, updates), insert.returning());
        }
    }
}
