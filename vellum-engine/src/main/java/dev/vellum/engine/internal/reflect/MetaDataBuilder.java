package dev.vellum.engine.internal.reflect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vellum.engine.Backend;
import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedForeignKey;
import dev.vellum.engine.ReflectedIndex;
import dev.vellum.engine.ReflectedTable;
import dev.vellum.engine.ReflectedUnique;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Expression;

/**
 * Builds a {@link MetaData} from reflected tables: each becomes a {@code new Table(metadata, name)} with its
 * columns, key, unique constraints and indexes, then the foreign keys are added once every table exists (they
 * may point at any of them, or at their own table). What a {@code Table} cannot express is left out, as
 * {@link dev.vellum.engine.Inspector#reflect()} lists. Single-threaded: one call builds one metadata.
 */
final class MetaDataBuilder {
    private MetaDataBuilder() {
    }

    static MetaData build(List<ReflectedTable> reflected, Backend backend) {
        var metadata = new MetaData();
        Map<String, Table> tables = new HashMap<>();
        for (ReflectedTable r : reflected) {
            tables.put(r.name(), table(metadata, r, backend));
        }
        for (ReflectedTable r : reflected) {
            Table table = tables.get(r.name());
            for (ReflectedForeignKey fk : r.foreignKeys()) {
                Table target = fk.referredSchema() == null ? lookup(tables, fk.referredTable(), backend) : null;
                List<Column<?>> referred = target == null ? null : columns(target, fk.referredColumns());
                if (referred != null) {
                    table.foreignKey(columns(table, fk.columns()), referred, fk.onDelete(), fk.onUpdate());
                }
            }
        }
        return metadata;
    }

    private static Table table(MetaData metadata, ReflectedTable r, Backend backend) {
        var table = new Table(metadata, r.name());
        for (ReflectedColumn c : r.columns()) {
            column(table, c, backend);
        }
        List<Column<?>> key = columns(table, r.primaryKey().columns());
        if (key != null && !key.isEmpty()) {
            table.primaryKey(key.toArray(Column<?>[]::new));
        }
        for (ReflectedUnique u : r.uniqueConstraints()) {
            List<Column<?>> unique = columns(table, u.columns());
            if (unique != null && !unique.isEmpty()) {
                table.unique(u.name(), unique.toArray(Column<?>[]::new));
            }
        }
        for (ReflectedIndex i : r.indexes()) {
            List<Column<?>> parts = i.expressions() ? null : columns(table, i.columns());
            if (parts == null || parts.isEmpty()) {
                continue; // a Table holds column indexes only
            }
            if (i.unique()) {
                table.uniqueIndex(i.name(), parts.toArray(Column<?>[]::new));
            } else {
                table.index(i.name(), parts.toArray(Column<?>[]::new));
            }
        }
        return table;
    }

    private static void column(Table table, ReflectedColumn c, Backend backend) {
        Column<?> column = table.column(c.name(), c.type());
        if (!c.nullable()) {
            column = column.notNull();
        }
        if (c.autoincrement() && c.type() instanceof SqlType.Scalar<?> s && isInteger(s.kind())) {
            column = column.autoincrement();
        }
        Object value = c.autoincrement() ? null : DefaultValues.parse(c.defaultValue(), c.type(), backend);
        if (value != null) {
            withDefault(column, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void withDefault(Column<T> column, Object value) {
        if (value instanceof Expression<?> e) {
            column.serverDefault((Expression<T>) e);
        } else {
            column.serverDefault(column.type().javaType().cast(value));
        }
    }

    private static boolean isInteger(SqlType.Kind kind) {
        return kind == SqlType.Kind.SMALLINT || kind == SqlType.Kind.INTEGER || kind == SqlType.Kind.BIGINT;
    }

    /** The table's columns of these names (SQLite's may differ in case), or {@code null} when one is missing. */
    private static List<Column<?>> columns(Table table, List<String> names) {
        var columns = new ArrayList<Column<?>>();
        for (String name : names) {
            Column<?> found = null;
            for (Column<?> c : table.columns()) {
                if (c.name().equals(name)) {
                    found = c;
                    break;
                }
                if (found == null && c.name().equalsIgnoreCase(name)) {
                    found = c;
                }
            }
            if (found == null) {
                return null;
            }
            columns.add(found);
        }
        return columns;
    }

    private static Table lookup(Map<String, Table> tables, String name, Backend backend) {
        Table exact = tables.get(name);
        if (exact != null || backend != Backend.SQLITE) {
            return exact;
        }
        return tables.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
