package dev.vellum.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.FromItem;
import dev.vellum.sql.ast.TableAlias;

/**
 * A database table: its name, typed columns, keys, constraints and indexes. Plain Java, no code generator:
 *
 * <pre>{@code
 * public final class Users extends Table {
 *     public final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
 *     public final Column<String> name = column("name", varchar(50)).notNull();
 *     Users(MetaData metadata) { super(metadata, "users"); }
 * }
 * public static final Users USERS = new Users(METADATA);
 * }</pre>
 *
 * <p>A table can also be built at run time ({@code new Table(metadata, "t").column("x", INTEGER)}), which is how
 * reflection builds them. Define a table completely before using it, on one thread; after that it is immutable
 * in practice and thread-safe. Tables compare by identity.
 *
 * @since 0.1
 */
public non-sealed class Table implements FromItem {
    private final MetaData metadata;
    private final String schema;
    private final String name;
    private final List<Column<?>> columns = new ArrayList<>();
    private final List<Column<?>> compositeKey = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final List<ForeignKey> tableForeignKeys = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();

    /** A table named {@code name} in the default schema, registered in {@code metadata}. */
    public Table(MetaData metadata, String name) {
        this(metadata, null, name);
    }

    /** A table named {@code name} in {@code schema} ({@code null} for the default), registered in {@code metadata}. */
    @SuppressWarnings("this-escape")
    public Table(MetaData metadata, String schema, String name) {
        if (metadata == null) {
            throw new InterfaceException("a table needs a MetaData");
        }
        if (name == null || name.isEmpty()) {
            throw new InterfaceException("a table needs a non-empty name");
        }
        this.metadata = metadata;
        this.schema = schema;
        this.name = name;
        metadata.register(this);
    }

    /** The table name, as created in the database (the dialect quotes it when needed). */
    public final String name() {
        return name;
    }

    /** The schema, or {@code null} for the connection's default. */
    public final String schema() {
        return schema;
    }

    /** The metadata this table belongs to. */
    public final MetaData metadata() {
        return metadata;
    }

    // --- definition

    /** Adds a column. */
    public final <T> Column<T> column(String columnName, SqlType<T> type) {
        if (columnName == null || columnName.isEmpty()) {
            throw new InterfaceException("a column of " + name + " needs a non-empty name");
        }
        if (type == null) {
            throw new InterfaceException("column " + name + "." + columnName + " needs a type");
        }
        if (find(columnName) != null) {
            throw new InterfaceException("table " + name + " already has a column named " + columnName);
        }
        var column = new Column<>(this, columnName, type);
        columns.add(column);
        return column;
    }

    /** Makes these columns the (composite) primary key, in this order. */
    public final void primaryKey(Column<?>... keyColumns) {
        compositeKey.clear();
        compositeKey.addAll(own(keyColumns, "primaryKey"));
    }

    /** Adds {@code UNIQUE (columns)}. */
    public final void unique(String constraintName, Column<?>... uniqueColumns) {
        constraints.add(new Constraint.Unique(constraintName, own(uniqueColumns, "unique")));
    }

    /** Adds {@code CHECK (condition)}. */
    public final void check(String constraintName, Condition condition) {
        if (condition == null) {
            throw new InterfaceException("check " + constraintName + " on " + name + " needs a condition");
        }
        constraints.add(new Constraint.Check(constraintName, condition));
    }

    /** Adds a multi-column foreign key. */
    public final void foreignKey(List<Column<?>> keyColumns, List<Column<?>> referenced, ReferentialAction onDelete,
                                 ReferentialAction onUpdate) {
        var own = own(keyColumns.toArray(Column<?>[]::new), "foreignKey");
        if (referenced.size() != own.size() || referenced.isEmpty()) {
            throw new InterfaceException("a foreign key of " + name + " has " + own.size() + " columns but references "
                    + referenced.size());
        }
        tableForeignKeys.add(new ForeignKey(own, referenced, onDelete, onUpdate));
    }

    /** Adds {@code CREATE INDEX indexName ON this (columns)}. */
    public final Index index(String indexName, Column<?>... indexColumns) {
        return addIndex(indexName, indexColumns, false);
    }

    /** Adds {@code CREATE UNIQUE INDEX indexName ON this (columns)}. */
    public final Index uniqueIndex(String indexName, Column<?>... indexColumns) {
        return addIndex(indexName, indexColumns, true);
    }

    private Index addIndex(String indexName, Column<?>[] indexColumns, boolean unique) {
        if (indexName == null || indexName.isEmpty()) {
            throw new InterfaceException("an index on " + name + " needs a name");
        }
        var index = new Index(indexName, this, own(indexColumns, "index " + indexName), unique);
        indexes.add(index);
        return index;
    }

    private List<Column<?>> own(Column<?>[] given, String what) {
        if (given == null || given.length == 0) {
            throw new InterfaceException(what + " on " + name + " needs at least one column");
        }
        for (Column<?> c : given) {
            if (c == null || c.table() != this) {
                throw new InterfaceException(what + " on " + name + " names " + c + ", which is not a column of "
                        + name);
            }
        }
        return List.copyOf(Arrays.asList(given));
    }

    void replace(Column<?> old, Column<?> refined) {
        int i = columns.indexOf(old);
        if (i < 0) {
            throw new InterfaceException("column " + old.name() + " is no longer part of " + name);
        }
        columns.set(i, refined);
    }

    // --- reading

    /** The columns, in definition order. */
    public final List<Column<?>> columns() {
        return List.copyOf(columns);
    }

    /** The column named {@code columnName}. */
    public final Column<?> column(String columnName) {
        Column<?> c = find(columnName);
        if (c == null) {
            throw new InterfaceException("table " + name + " has no column named " + columnName + "; it has "
                    + columns.stream().map(Column::name).toList());
        }
        return c;
    }

    private Column<?> find(String columnName) {
        for (Column<?> c : columns) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        return null;
    }

    /** The primary-key columns: those given to {@link #primaryKey(Column[])}, else those marked primaryKey(). */
    public final List<Column<?>> primaryKeyColumns() {
        if (!compositeKey.isEmpty()) {
            return compositeKey.stream().<Column<?>>map(c -> column(c.name())).toList();
        }
        return columns.stream().filter(Column::isPrimaryKey).toList();
    }

    /** The foreign keys: column-level {@code references(...)} first, then multi-column ones. */
    public final List<ForeignKey> foreignKeys() {
        var keys = new ArrayList<ForeignKey>();
        for (Column<?> c : columns) {
            if (c.references() != null) {
                keys.add(new ForeignKey(List.of(c), List.of(c.references()), c.onDelete(), c.onUpdate()));
            }
        }
        keys.addAll(tableForeignKeys);
        return List.copyOf(keys);
    }

    /** Unique and check constraints defined at table level. */
    public final List<Constraint> constraints() {
        return List.copyOf(constraints);
    }

    /** The indexes. */
    public final List<Index> indexes() {
        return List.copyOf(indexes);
    }

    /** This table under another name, for self-joins. */
    public final TableAlias as(String alias) {
        return new TableAlias(this, alias);
    }

    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
