package dev.vellum.engine.internal.reflect;

import java.util.ArrayList;
import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedForeignKey;
import dev.vellum.engine.ReflectedIndex;
import dev.vellum.engine.ReflectedPrimaryKey;
import dev.vellum.engine.ReflectedUnique;
import dev.vellum.engine.Row;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.SqlTypes;

import static dev.vellum.engine.internal.reflect.Catalogs.flag;
import static dev.vellum.engine.internal.reflect.Catalogs.text;

/**
 * PostgreSQL's catalog: {@code pg_catalog} for the connection's {@code current_schema()}. {@code pg_catalog}
 * rather than {@code information_schema} because only it has index definitions, identity and array element types,
 * and it is not filtered by privileges the way {@code information_schema} is.
 */
final class PostgresCatalog implements Catalog {
    private static final String RELATIONS = "SELECT c.relname FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relkind IN (%s) AND NOT c.relispartition ORDER BY c.relname";

    private static final String TABLE = " JOIN pg_catalog.pg_class c ON c.oid = %s"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relname = ?";

    private static final String COLUMNS = "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
            + " t.typname, et.typname, a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity"
            + " FROM pg_catalog.pg_attribute a"
            + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'"
            + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + TABLE.formatted("a.attrelid")
            + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    /** The columns of the primary key ({@code p}) or unique constraints ({@code u}) in key order. */
    private static final String KEYS = "SELECT con.conname, a.attname FROM pg_catalog.pg_constraint con"
            + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum"
            + TABLE.formatted("con.conrelid")
            + " AND con.contype = ? ORDER BY con.conname, k.ord";

    private static final String FOREIGN_KEYS = "SELECT con.conname, a.attname, rn.nspname = current_schema(),"
            + " rn.nspname, rc.relname, ra.attname, con.confdeltype, con.confupdtype"
            + " FROM pg_catalog.pg_constraint con"
            + " JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid"
            + " JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace"
            + " CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refnum, ord)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum"
            + " JOIN pg_catalog.pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refnum"
            + TABLE.formatted("con.conrelid")
            + " AND con.contype = 'f' ORDER BY con.conname, k.ord";

    /** Key parts only ({@code indnkeyatts}: no INCLUDE columns); expressions through {@code pg_get_indexdef}. */
    private static final String INDEXES = "SELECT ic.relname, ix.indisunique, a.attname,"
            + " pg_catalog.pg_get_indexdef(ix.indexrelid, k.ord::int, true)"
            + " FROM pg_catalog.pg_index ix"
            + " JOIN pg_catalog.pg_class ic ON ic.oid = ix.indexrelid"
            + " CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)"
            + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum"
            + " AND k.attnum > 0"
            + TABLE.formatted("ix.indrelid")
            + " AND NOT ix.indisprimary AND k.ord <= ix.indnkeyatts AND NOT EXISTS (SELECT 1"
            + " FROM pg_catalog.pg_constraint con WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid"
            + " AND con.contype IN ('p', 'u', 'x')) ORDER BY ic.relname, k.ord";

    @Override
    public List<String> tables(Connection conn) {
        return Catalogs.names(conn, RELATIONS.formatted("'r', 'p'"));
    }

    @Override
    public List<String> views(Connection conn) {
        return Catalogs.names(conn, RELATIONS.formatted("'v', 'm'"));
    }

    @Override
    public String describe(Connection conn) {
        return "schema " + conn.execute("SELECT current_schema()").scalar();
    }

    @Override
    public List<ReflectedColumn> columns(Connection conn, String table) {
        var columns = new ArrayList<ReflectedColumn>();
        for (Row r : conn.execute(COLUMNS, table).all()) {
            String typeName = text(r, 1);
            String defaultValue = text(r, 5);
            String identity = text(r, 6);
            boolean autoincrement = identity != null && !identity.isBlank()
                    || defaultValue != null && defaultValue.startsWith("nextval(");
            columns.add(new ReflectedColumn(text(r, 0), typeName, type(text(r, 2), text(r, 3), typeName),
                    !flag(r, 4), defaultValue, autoincrement));
        }
        return columns;
    }

    /** The Vellum type for {@code typname} (arrays: {@code _int4} with element {@code int4}). */
    static SqlType<?> type(String typname, String elementTypname, String typeName) {
        if (elementTypname != null) {
            SqlType<?> element = scalar(elementTypname, typeName);
            return element == null ? SqlTypes.TEXT : SqlTypes.arrayOf(element);
        }
        SqlType<?> scalar = scalar(typname, typeName);
        return scalar == null ? SqlTypes.TEXT : scalar;
    }

    private static SqlType<?> scalar(String typname, String typeName) {
        return switch (typname) {
            case "int2" -> SqlTypes.SMALLINT;
            case "int4" -> SqlTypes.INTEGER;
            case "int8" -> SqlTypes.BIGINT;
            case "numeric" -> Catalogs.numeric(typeName);
            case "float4" -> SqlTypes.REAL;
            case "float8" -> SqlTypes.DOUBLE;
            case "varchar", "bpchar" -> {
                int[] sizes = Catalogs.sizes(typeName);
                yield Catalogs.varchar(sizes.length > 0 ? sizes[0] : 0);
            }
            case "text" -> SqlTypes.TEXT;
            case "bool" -> SqlTypes.BOOLEAN;
            case "date" -> SqlTypes.DATE;
            case "time" -> SqlTypes.TIME;
            case "timestamp" -> SqlTypes.TIMESTAMP;
            case "timestamptz" -> SqlTypes.TIMESTAMP_TZ;
            case "uuid" -> SqlTypes.UUID_TYPE;
            case "bytea" -> SqlTypes.BYTES;
            case "json" -> SqlTypes.JSON;
            case "jsonb" -> SqlTypes.JSONB;
            default -> null;
        };
    }

    @Override
    public ReflectedPrimaryKey primaryKey(Connection conn, String table) {
        List<Row> rows = conn.execute(KEYS, table, "p").all();
        if (rows.isEmpty()) {
            return new ReflectedPrimaryKey(null, List.of());
        }
        return new ReflectedPrimaryKey(text(rows.getFirst(), 0), rows.stream().map(r -> text(r, 1)).toList());
    }

    @Override
    public List<ReflectedUnique> uniqueConstraints(Connection conn, String table) {
        var uniques = new ArrayList<ReflectedUnique>();
        for (List<Row> key : Catalogs.groups(conn.execute(KEYS, table, "u").all(), 0)) {
            uniques.add(new ReflectedUnique(text(key.getFirst(), 0), key.stream().map(r -> text(r, 1)).toList()));
        }
        return uniques;
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(Connection conn, String table) {
        var keys = new ArrayList<ReflectedForeignKey>();
        for (List<Row> key : Catalogs.groups(conn.execute(FOREIGN_KEYS, table).all(), 0)) {
            Row first = key.getFirst();
            keys.add(new ReflectedForeignKey(text(first, 0), key.stream().map(r -> text(r, 1)).toList(),
                    flag(first, 2) ? null : text(first, 3), text(first, 4), key.stream().map(r -> text(r, 5)).toList(),
                    action(text(first, 6)), action(text(first, 7))));
        }
        return keys;
    }

    /** {@code confdeltype}/{@code confupdtype}: a, r, c, n, d. */
    private static ReferentialAction action(String code) {
        return switch (code == null ? "a" : code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    @Override
    public List<ReflectedIndex> indexes(Connection conn, String table) {
        var indexes = new ArrayList<ReflectedIndex>();
        for (List<Row> index : Catalogs.groups(conn.execute(INDEXES, table).all(), 0)) {
            var parts = new ArrayList<String>();
            boolean expressions = false;
            for (Row r : index) {
                String column = text(r, 2);
                expressions |= column == null;
                parts.add(column != null ? column : text(r, 3));
            }
            indexes.add(new ReflectedIndex(text(index.getFirst(), 0), parts, flag(index.getFirst(), 1), expressions));
        }
        return indexes;
    }
}
