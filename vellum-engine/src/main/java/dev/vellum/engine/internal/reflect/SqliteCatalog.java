package dev.vellum.engine.internal.reflect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.vellum.engine.Connection;
import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedForeignKey;
import dev.vellum.engine.ReflectedIndex;
import dev.vellum.engine.ReflectedPrimaryKey;
import dev.vellum.engine.ReflectedUnique;
import dev.vellum.engine.Row;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.SqlTypes;

import static dev.vellum.engine.internal.reflect.Catalogs.flag;
import static dev.vellum.engine.internal.reflect.Catalogs.integer;
import static dev.vellum.engine.internal.reflect.Catalogs.text;

/**
 * SQLite's catalog: the table-valued pragma functions ({@code pragma_table_xinfo}, {@code pragma_foreign_key_list},
 * {@code pragma_index_list}, {@code pragma_index_info}), which take the table name as a bind, plus the
 * {@code CREATE} text in {@code sqlite_master} for what the pragmas leave out ({@link SqliteSchemaText}).
 */
final class SqliteCatalog implements Catalog {
    private static final String RELATIONS = "SELECT name FROM sqlite_master WHERE type = ?"
            + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";

    /** Hidden columns of virtual tables ({@code hidden = 1}) are left out; generated ones (2, 3) are kept. */
    private static final String COLUMNS = "SELECT name, type, \"notnull\", dflt_value, pk"
            + " FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY cid";

    private static final String SQL = "SELECT sql FROM sqlite_master WHERE type = ? AND name = ?";

    @Override
    public List<String> tables(Connection conn) {
        return conn.execute(RELATIONS, "table").all().stream().map(r -> text(r, 0)).toList();
    }

    @Override
    public List<String> views(Connection conn) {
        return conn.execute(RELATIONS, "view").all().stream().map(r -> text(r, 0)).toList();
    }

    @Override
    public String describe(Connection conn) {
        return "SQLite database " + (conn.url().isMemory() ? ":memory:" : conn.url().database());
    }

    private static SqliteSchemaText schema(Connection conn, String table) {
        Row row = conn.execute(SQL, "table", table).oneOrNull();
        return SqliteSchemaText.parse(row == null ? null : text(row, 0));
    }

    @Override
    public List<ReflectedColumn> columns(Connection conn, String table) {
        List<Row> rows = conn.execute(COLUMNS, table).all();
        long keyColumns = rows.stream().filter(r -> integer(r, 4) > 0).count();
        boolean rowid = keyColumns == 1 && !schema(conn, table).withoutRowid();
        var columns = new ArrayList<ReflectedColumn>();
        for (Row r : rows) {
            String declared = text(r, 1) == null ? "" : text(r, 1);
            // an INTEGER PRIMARY KEY is the rowid: never NULL, and filled in when omitted
            boolean alias = rowid && integer(r, 4) == 1 && declared.equalsIgnoreCase("INTEGER");
            columns.add(new ReflectedColumn(text(r, 0), declared, type(declared), !alias && !flag(r, 2),
                    text(r, 3), alias));
        }
        return columns;
    }

    /** The Vellum type for a declared type: the names Vellum's DDL writes, then SQLite's affinity rules. */
    static SqlType<?> type(String declared) {
        String t = declared.strip().toUpperCase(Locale.ROOT);
        int paren = t.indexOf('(');
        String base = (paren < 0 ? t : t.substring(0, paren)).strip().replaceAll("\\s+", " ");
        int[] sizes = Catalogs.sizes(t);
        return switch (base) {
            case "SMALLINT", "INT2", "TINYINT" -> SqlTypes.SMALLINT;
            case "INTEGER", "INT", "MEDIUMINT", "INT4" -> SqlTypes.INTEGER;
            case "BIGINT", "INT8", "UNSIGNED BIG INT" -> SqlTypes.BIGINT;
            case "NUMERIC", "DECIMAL" -> Catalogs.numeric(t);
            case "REAL" -> SqlTypes.REAL;
            case "DOUBLE", "DOUBLE PRECISION", "FLOAT" -> SqlTypes.DOUBLE;
            case "VARCHAR", "NVARCHAR", "CHARACTER", "CHAR", "NCHAR", "VARYING CHARACTER", "NATIVE CHARACTER",
                 "CHARACTER VARYING" -> Catalogs.varchar(sizes.length > 0 ? sizes[0] : 0);
            case "TEXT", "CLOB" -> SqlTypes.TEXT;
            case "BOOLEAN", "BOOL" -> SqlTypes.BOOLEAN;
            case "DATE" -> SqlTypes.DATE;
            case "TIME" -> SqlTypes.TIME;
            case "TIMESTAMP", "DATETIME" -> SqlTypes.TIMESTAMP;
            case "UUID" -> SqlTypes.UUID_TYPE;
            case "JSON" -> SqlTypes.JSON;
            case "BLOB" -> SqlTypes.BYTES;
            default -> affinity(base);
        };
    }

    /** SQLite's affinity rules (section 3.1 of its datatype page), with TEXT for NUMERIC affinity and no type. */
    private static SqlType<?> affinity(String base) {
        if (base.contains("INT")) {
            return SqlTypes.BIGINT;
        }
        if (base.contains("CHAR") || base.contains("CLOB") || base.contains("TEXT")) {
            return SqlTypes.TEXT;
        }
        if (base.contains("BLOB")) {
            return SqlTypes.BYTES;
        }
        if (base.contains("REAL") || base.contains("FLOA") || base.contains("DOUB")) {
            return SqlTypes.DOUBLE;
        }
        return SqlTypes.TEXT;
    }

    @Override
    public ReflectedPrimaryKey primaryKey(Connection conn, String table) {
        List<String> key = conn.execute(COLUMNS, table).all().stream().filter(r -> integer(r, 4) > 0)
                .sorted(Comparator.comparingInt(r -> integer(r, 4))).map(r -> text(r, 0)).toList();
        return new ReflectedPrimaryKey(key.isEmpty() ? null : schema(conn, table).primaryKeyName(), key);
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(Connection conn, String table) {
        // ids count down from the last declared key, so id DESC is declaration order
        List<Row> rows = conn.execute("SELECT id, \"from\", \"table\", \"to\", on_delete, on_update"
                + " FROM pragma_foreign_key_list(?) ORDER BY id DESC, seq", table).all();
        var named = new ArrayList<>(schema(conn, table).foreignKeys());
        var keys = new ArrayList<ReflectedForeignKey>();
        for (List<Row> key : Catalogs.groups(rows, 0)) {
            Row first = key.getFirst();
            List<String> columns = key.stream().map(r -> text(r, 1)).toList();
            String target = text(first, 2);
            List<String> referred = key.stream().map(r -> text(r, 3)).toList();
            if (referred.contains(null)) { // REFERENCES parent, without columns: the parent's primary key
                referred = primaryKey(conn, target).columns();
            }
            keys.add(new ReflectedForeignKey(claim(named, columns, target), columns, null, target, referred,
                    Catalogs.action(text(first, 4)), Catalogs.action(text(first, 5))));
        }
        return keys;
    }

    @Override
    public List<ReflectedIndex> indexes(Connection conn, String table) {
        var indexes = new ArrayList<ReflectedIndex>();
        for (Row index : conn.execute("SELECT name, \"unique\" FROM pragma_index_list(?) WHERE origin = 'c'"
                + " ORDER BY name", table).all()) {
            String name = text(index, 0);
            List<Row> parts = parts(conn, name);
            boolean expressions = parts.stream().anyMatch(r -> integer(r, 0) < 0);
            List<String> texts = expressions ? expressionParts(conn, name, parts) : null;
            var columns = new ArrayList<String>();
            for (int i = 0; i < parts.size(); i++) {
                String column = text(parts.get(i), 1);
                columns.add(column != null ? column : texts != null && i < texts.size() ? texts.get(i) : "?");
            }
            indexes.add(new ReflectedIndex(name, columns, flag(index, 1), expressions));
        }
        return indexes;
    }

    private static List<Row> parts(Connection conn, String index) {
        return conn.execute("SELECT cid, name FROM pragma_index_info(?) ORDER BY seqno", index).all();
    }

    private static List<String> expressionParts(Connection conn, String index, List<Row> parts) {
        Row row = conn.execute(SQL, "index", index).oneOrNull();
        List<String> texts = SqliteSchemaText.indexParts(row == null ? null : text(row, 0));
        return texts.size() == parts.size() ? texts : null;
    }

    @Override
    public List<ReflectedUnique> uniqueConstraints(Connection conn, String table) {
        var named = new ArrayList<>(schema(conn, table).uniques());
        var uniques = new ArrayList<ReflectedUnique>();
        for (Row index : conn.execute("SELECT name FROM pragma_index_list(?) WHERE origin = 'u'", table).all()) {
            List<String> columns = parts(conn, text(index, 0)).stream().map(r -> text(r, 1)).toList();
            uniques.add(new ReflectedUnique(claim(named, columns, null), columns));
        }
        return uniques;
    }

    /**
     * The name of the first declared constraint on {@code columns} (referencing {@code target}, for a foreign
     * key), removed from {@code declared} so a second constraint on the same columns gets the next one.
     */
    private static String claim(List<SqliteSchemaText.Named> declared, List<String> columns, String target) {
        for (int i = 0; i < declared.size(); i++) {
            SqliteSchemaText.Named d = declared.get(i);
            if (sameNames(d.columns(), columns) && (target == null || target.equalsIgnoreCase(d.target()))) {
                declared.remove(i);
                return d.name();
            }
        }
        return null;
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
