package dev.vellum.engine.internal.reflect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
 * MariaDB's catalog: {@code information_schema} for the connection's {@code DATABASE()}. A {@code JSON} column is a
 * {@code longtext} there, told apart by the {@code json_valid} check MariaDB adds to it.
 */
final class MariaDbCatalog implements Catalog {
    private static final String RELATIONS = "SELECT TABLE_NAME FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN (%s) ORDER BY TABLE_NAME";

    private static final String COLUMNS = "SELECT COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT,"
            + " EXTRA, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";

    private static final String JSON_CHECKS = "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CHECK_CLAUSE LIKE 'json_valid(%'";

    /** Keys by uniqueness: PRIMARY, other unique keys ({@code NON_UNIQUE = 0}), plain indexes. */
    private static final String KEYS = "SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND %s ORDER BY INDEX_NAME, SEQ_IN_INDEX";

    private static final String FOREIGN_KEYS = "SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME,"
            + " k.REFERENCED_TABLE_SCHEMA = DATABASE(), k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME,"
            + " k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE"
            + " FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r"
            + " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
            + " AND r.TABLE_NAME = k.TABLE_NAME"
            + " WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL"
            + " ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    @Override
    public List<String> tables(Connection conn) {
        return Catalogs.names(conn, RELATIONS.formatted("'BASE TABLE', 'SYSTEM VERSIONED'"));
    }

    @Override
    public List<String> views(Connection conn) {
        return Catalogs.names(conn, RELATIONS.formatted("'VIEW'"));
    }

    @Override
    public String describe(Connection conn) {
        return "database " + conn.execute("SELECT DATABASE()").scalar();
    }

    @Override
    public List<ReflectedColumn> columns(Connection conn, String table) {
        List<Row> rows = conn.execute(COLUMNS, table).all();
        Set<String> json = rows.stream().anyMatch(r -> "longtext".equalsIgnoreCase(text(r, 2)))
                ? jsonColumns(conn, table) : Set.of();
        var columns = new ArrayList<ReflectedColumn>();
        for (Row r : rows) {
            String name = text(r, 0);
            String columnType = text(r, 1);
            String dataType = text(r, 2).toLowerCase(Locale.ROOT);
            String defaultValue = text(r, 4);
            String extra = text(r, 5);
            SqlType<?> type = json.contains(name) && dataType.equals("longtext") ? SqlTypes.JSON
                    : type(dataType, columnType, integer(r, 6), integer(r, 7), integer(r, 8));
            // MariaDB writes a nullable column's absent default as the word NULL (a NULL string is quoted)
            columns.add(new ReflectedColumn(name, columnType, type, "YES".equals(text(r, 3)),
                    "NULL".equals(defaultValue) ? null : defaultValue,
                    extra != null && extra.toLowerCase(Locale.ROOT).contains("auto_increment")));
        }
        return columns;
    }

    /**
     * The columns MariaDB made {@code JSON}: a {@code longtext} with the check {@code json_valid(`col`)} it adds.
     * MySQL has a real JSON type (and no {@code TABLE_NAME} in {@code CHECK_CONSTRAINTS}), so only MariaDB is asked.
     */
    private static Set<String> jsonColumns(Connection conn, String table) {
        Object version = conn.execute("SELECT VERSION()").scalar();
        if (version == null || !version.toString().contains("MariaDB")) {
            return Set.of();
        }
        Set<String> json = new HashSet<>();
        for (Row r : conn.execute(JSON_CHECKS, table).all()) {
            String clause = text(r, 0).strip();
            if (clause.startsWith("json_valid(`") && clause.endsWith("`)")) {
                json.add(clause.substring("json_valid(`".length(), clause.length() - 2).replace("``", "`"));
            }
        }
        return json;
    }

    /** The Vellum type for a column: {@code DATA_TYPE} with {@code COLUMN_TYPE} for unsigned and tinyint(1). */
    static SqlType<?> type(String dataType, String columnType, int length, int precision, int scale) {
        boolean unsigned = columnType.toLowerCase(Locale.ROOT).contains("unsigned");
        return switch (dataType) {
            case "tinyint" -> columnType.equalsIgnoreCase("tinyint(1)") ? SqlTypes.BOOLEAN : SqlTypes.SMALLINT;
            case "smallint" -> unsigned ? SqlTypes.INTEGER : SqlTypes.SMALLINT;
            case "mediumint" -> SqlTypes.INTEGER;
            case "int", "integer" -> unsigned ? SqlTypes.BIGINT : SqlTypes.INTEGER;
            case "bigint" -> unsigned ? SqlTypes.numeric(20, 0) : SqlTypes.BIGINT;
            case "decimal", "numeric" -> Catalogs.numeric(precision, scale);
            case "float" -> SqlTypes.REAL;
            case "double", "real", "double precision" -> SqlTypes.DOUBLE;
            case "varchar", "char", "enum" -> Catalogs.varchar(length);
            case "tinytext", "text", "mediumtext", "longtext" -> SqlTypes.TEXT;
            case "json" -> SqlTypes.JSON;
            case "date" -> SqlTypes.DATE;
            case "time" -> SqlTypes.TIME;
            case "datetime", "timestamp" -> SqlTypes.TIMESTAMP;
            case "uuid" -> SqlTypes.UUID_TYPE;
            case "tinyblob", "blob", "mediumblob", "longblob", "binary", "varbinary" -> SqlTypes.BYTES;
            default -> SqlTypes.TEXT;
        };
    }

    @Override
    public ReflectedPrimaryKey primaryKey(Connection conn, String table) {
        List<Row> rows = conn.execute(KEYS.formatted("INDEX_NAME = 'PRIMARY'"), table).all();
        return new ReflectedPrimaryKey(null, rows.stream().map(r -> text(r, 1)).toList());
    }

    @Override
    public List<ReflectedUnique> uniqueConstraints(Connection conn, String table) {
        var uniques = new ArrayList<ReflectedUnique>();
        String sql = KEYS.formatted("NON_UNIQUE = 0 AND INDEX_NAME <> 'PRIMARY'");
        for (List<Row> key : Catalogs.groups(conn.execute(sql, table).all(), 0)) {
            uniques.add(new ReflectedUnique(text(key.getFirst(), 0), key.stream().map(r -> text(r, 1)).toList()));
        }
        return uniques;
    }

    @Override
    public List<ReflectedIndex> indexes(Connection conn, String table) {
        var indexes = new ArrayList<ReflectedIndex>();
        for (List<Row> index : Catalogs.groups(conn.execute(KEYS.formatted("NON_UNIQUE = 1"), table).all(), 0)) {
            List<String> parts = index.stream().map(r -> text(r, 1)).map(c -> c == null ? "?" : c).toList();
            indexes.add(new ReflectedIndex(text(index.getFirst(), 0), parts, false,
                    index.stream().anyMatch(r -> r.get(1) == null)));
        }
        return indexes;
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(Connection conn, String table) {
        var keys = new ArrayList<ReflectedForeignKey>();
        for (List<Row> key : Catalogs.groups(conn.execute(FOREIGN_KEYS, table).all(), 0)) {
            Row first = key.getFirst();
            keys.add(new ReflectedForeignKey(text(first, 0), key.stream().map(r -> text(r, 1)).toList(),
                    flag(first, 2) ? null : text(first, 3), text(first, 4), key.stream().map(r -> text(r, 5)).toList(),
                    Catalogs.action(text(first, 6)), Catalogs.action(text(first, 7))));
        }
        return keys;
    }
}
