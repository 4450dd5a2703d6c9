package dev.vellum.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedForeignKey;
import dev.vellum.engine.ReflectedIndex;
import dev.vellum.engine.ReflectedTable;
import dev.vellum.engine.ReflectedUnique;
import dev.vellum.sql.SqlType;

/**
 * {@code vellum inspect --format json}: one JSON document, written by hand (the CLI has no JSON library) with
 * RFC 8259 escaping, two-space indentation and keys in a fixed order, so its output can be diffed:
 *
 * <pre>{@code
 * {"url": ..., "backend": "sqlite", "tables": [{"name": ..., "columns": [{"name", "type", "vellumType",
 *   "nullable", "default", "autoincrement"}], "primaryKey": {"name", "columns"}, "foreignKeys": [{"name",
 *   "columns", "referredSchema", "referredTable", "referredColumns", "onDelete", "onUpdate"}], "uniqueConstraints":
 *   [{"name", "columns"}], "indexes": [{"name", "columns", "unique"}]}], "views": [{"name", "columns"}]}
 * }</pre>
 */
final class SchemaJson {
    private SchemaJson() {
    }

    static String render(InspectCommand.Schema schema) {
        var document = new LinkedHashMap<String, Object>();
        document.put("url", schema.url().toString());
        document.put("backend", schema.url().backend().scheme());
        document.put("tables", schema.tables().stream().map(SchemaJson::table).toList());
        var views = new ArrayList<Object>();
        schema.views().forEach((name, columns) -> views.add(object("name", name, "columns",
                columns.stream().map(SchemaJson::column).toList())));
        document.put("views", views);
        var out = new StringBuilder();
        write(out, document, 0);
        return out.append('\n').toString();
    }

    private static Map<String, Object> table(ReflectedTable t) {
        var table = new LinkedHashMap<String, Object>();
        table.put("name", t.name());
        table.put("columns", t.columns().stream().map(SchemaJson::column).toList());
        table.put("primaryKey", t.primaryKey().columns().isEmpty() ? null
                : object("name", t.primaryKey().name(), "columns", t.primaryKey().columns()));
        table.put("foreignKeys", t.foreignKeys().stream().map(SchemaJson::foreignKey).toList());
        table.put("uniqueConstraints", t.uniqueConstraints().stream().map(SchemaJson::unique).toList());
        table.put("indexes", t.indexes().stream().map(SchemaJson::index).toList());
        return table;
    }

    private static Map<String, Object> column(ReflectedColumn c) {
        var column = new LinkedHashMap<String, Object>();
        column.put("name", c.name());
        column.put("type", c.typeName());
        column.put("vellumType", label(c.type()));
        column.put("nullable", c.nullable());
        column.put("default", c.defaultValue());
        column.put("autoincrement", c.autoincrement());
        return column;
    }

    private static Map<String, Object> foreignKey(ReflectedForeignKey fk) {
        var key = new LinkedHashMap<String, Object>();
        key.put("name", fk.name());
        key.put("columns", fk.columns());
        key.put("referredSchema", fk.referredSchema());
        key.put("referredTable", fk.referredTable());
        key.put("referredColumns", fk.referredColumns());
        key.put("onDelete", fk.onDelete().sql());
        key.put("onUpdate", fk.onUpdate().sql());
        return key;
    }

    private static Map<String, Object> unique(ReflectedUnique u) {
        return object("name", u.name(), "columns", u.columns());
    }

    private static Map<String, Object> index(ReflectedIndex i) {
        var index = object("name", i.name(), "columns", i.columns());
        index.put("unique", i.unique());
        return index;
    }

    private static Map<String, Object> object(String k1, Object v1, String k2, Object v2) {
        var object = new LinkedHashMap<String, Object>();
        object.put(k1, v1);
        object.put(k2, v2);
        return object;
    }

    /** The Vellum type as a short label: {@code VARCHAR(120)}, {@code NUMERIC(10, 2)}, {@code INTEGER[]}. */
    static String label(SqlType<?> type) {
        return switch (type) {
            case SqlType.Scalar<?> s -> s.kind().name() + (s.length() > 0 ? "(" + s.length() + ")"
                    : s.precision() > 0 ? "(" + s.precision() + ", " + s.scale() + ")" : "");
            case SqlType.ArrayType<?> a -> label(a.element()) + "[]";
            case SqlType.EnumType<?> e -> "ENUM";
            case SqlType.Converted<?, ?> c -> label(c.base());
        };
    }

    // --- writing

    private static void write(StringBuilder out, Object value, int depth) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Boolean b -> out.append(b);
            case Number n -> out.append(n);
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    indent(out, depth + 1);
                    string(out, e.getKey().toString());
                    out.append(": ");
                    write(out, e.getValue(), depth + 1);
                    out.append(++i < map.size() ? ",\n" : "\n");
                }
                indent(out, depth);
                out.append('}');
            }
            case List<?> list -> {
                if (list.isEmpty()) {
                    out.append("[]");
                    return;
                }
                boolean simple = list.stream().allMatch(v -> v == null || v instanceof String);
                out.append(simple ? "[" : "[\n");
                for (int i = 0; i < list.size(); i++) {
                    if (!simple) {
                        indent(out, depth + 1);
                    }
                    write(out, list.get(i), depth + 1);
                    if (i + 1 < list.size()) {
                        out.append(simple ? ", " : ",\n");
                    }
                }
                if (!simple) {
                    out.append('\n');
                    indent(out, depth);
                }
                out.append(']');
            }
            default -> string(out, value.toString());
        }
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259, section 7). */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
