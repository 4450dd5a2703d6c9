package dev.vellum.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedForeignKey;
import dev.vellum.engine.ReflectedIndex;
import dev.vellum.engine.ReflectedTable;
import dev.vellum.engine.ReflectedUnique;
import dev.vellum.sql.ReferentialAction;

/**
 * {@code vellum inspect} as text: per table, its columns aligned (name, type as the database spells it,
 * {@code NOT NULL}, default, autoincrement), then its keys, unique constraints and indexes one per line; then the
 * views. Line breaks in defaults are escaped so every column stays on one line.
 */
final class SchemaText {
    private SchemaText() {
    }

    static String render(InspectCommand.Schema schema) {
        var out = new StringBuilder();
        int tables = schema.tables().size();
        int views = schema.views().size();
        out.append(schema.url()).append(": ").append(count(tables, "table")).append(", ").append(count(views, "view"))
                .append('\n');
        for (ReflectedTable table : schema.tables()) {
            out.append('\n').append("table ").append(table.name()).append('\n');
            columns(out, table.columns());
            if (!table.primaryKey().columns().isEmpty()) {
                out.append("  primary key ").append(named(table.primaryKey().name()))
                        .append(list(table.primaryKey().columns())).append('\n');
            }
            for (ReflectedForeignKey fk : table.foreignKeys()) {
                out.append("  foreign key ").append(named(fk.name())).append(list(fk.columns())).append(" references ")
                        .append(fk.referredSchema() == null ? "" : fk.referredSchema() + ".")
                        .append(fk.referredTable()).append(' ').append(list(fk.referredColumns()));
                if (fk.onDelete() != ReferentialAction.NO_ACTION) {
                    out.append(" on delete ").append(fk.onDelete().sql());
                }
                if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
                    out.append(" on update ").append(fk.onUpdate().sql());
                }
                out.append('\n');
            }
            for (ReflectedUnique unique : table.uniqueConstraints()) {
                out.append("  unique ").append(named(unique.name())).append(list(unique.columns())).append('\n');
            }
            for (ReflectedIndex index : table.indexes()) {
                out.append(index.unique() ? "  unique index " : "  index ").append(index.name()).append(' ')
                        .append(list(index.columns())).append('\n');
            }
        }
        for (Map.Entry<String, List<ReflectedColumn>> view : schema.views().entrySet()) {
            out.append('\n').append("view ").append(view.getKey()).append('\n');
            columns(out, view.getValue());
        }
        return out.toString();
    }

    /** The columns as aligned rows: name, type, NOT NULL, DEFAULT x, autoincrement. */
    private static void columns(StringBuilder out, List<ReflectedColumn> columns) {
        int nameWidth = columns.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        int typeWidth = columns.stream().mapToInt(c -> type(c).length()).max().orElse(0);
        for (ReflectedColumn c : columns) {
            var parts = new ArrayList<String>();
            parts.add(pad(c.name(), nameWidth));
            parts.add(pad(type(c), typeWidth));
            parts.add(c.nullable() ? "        " : "NOT NULL");
            if (c.defaultValue() != null) {
                parts.add("DEFAULT " + oneLine(c.defaultValue()));
            }
            if (c.autoincrement()) {
                parts.add("autoincrement");
            }
            out.append("  ").append(String.join("  ", parts).stripTrailing()).append('\n');
        }
    }

    private static String type(ReflectedColumn c) {
        return c.typeName().isEmpty() ? "(no type)" : c.typeName();
    }

    private static String named(String name) {
        return name == null ? "" : name + " ";
    }

    private static String list(List<String> names) {
        return "(" + String.join(", ", names) + ")";
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String oneLine(String s) {
        return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
