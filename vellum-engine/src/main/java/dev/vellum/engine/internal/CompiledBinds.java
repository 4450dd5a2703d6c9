package dev.vellum.engine.internal;

import java.sql.Types;
import java.util.List;

import dev.vellum.dialect.Compiled;
import dev.vellum.engine.Backend;
import dev.vellum.engine.internal.driver.TypedBind;
import dev.vellum.sql.SqlType;

/**
 * The bind values of a compiled Core statement, with what their SQL types add: NULLs typed by their column,
 * JSON sent as such to PostgreSQL (which refuses {@code varchar} for {@code json}), lists as PostgreSQL arrays.
 */
final class CompiledBinds {
    private CompiledBinds() {
    }

    static Object[] of(Compiled compiled, Backend backend) {
        Object[] params = compiled.params().toArray();
        List<SqlType<?>> types = compiled.paramTypes();
        for (int i = 0; i < params.length; i++) {
            SqlType<?> type = types.get(i);
            Object value = params[i];
            params[i] = value == null ? new TypedBind.Null(jdbcType(type, backend)) : value(value, type, backend);
        }
        return params;
    }

    /**
     * A non-null stored value of {@code type} as it must be bound: itself, or a {@link TypedBind} for JSON on
     * PostgreSQL and for arrays. {@code execute(insert, rows)} binds its rows' values through this too.
     */
    static Object value(Object value, SqlType<?> type, Backend backend) {
        if (type instanceof SqlType.ArrayType<?> array && value instanceof List<?> list) {
            return new TypedBind.Array(postgresName(array.element()), list.toArray());
        }
        if (backend == Backend.POSTGRESQL && isJson(type)) {
            return new TypedBind.Other(value, Types.OTHER);
        }
        return value;
    }

    private static boolean isJson(SqlType<?> type) {
        return type instanceof SqlType.Scalar<?> s && (s.kind() == SqlType.Kind.JSON || s.kind() == SqlType.Kind.JSONB);
    }

    private static int jdbcType(SqlType<?> type, Backend backend) {
        if (!(type instanceof SqlType.Scalar<?> s)) {
            return type instanceof SqlType.EnumType<?> ? Types.VARCHAR : Types.OTHER;
        }
        return switch (s.kind()) {
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case NUMERIC -> Types.NUMERIC;
            case REAL -> Types.REAL;
            case DOUBLE -> Types.DOUBLE;
            case VARCHAR, TEXT -> Types.VARCHAR;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMP_TZ -> backend == Backend.POSTGRESQL ? Types.TIMESTAMP_WITH_TIMEZONE : Types.TIMESTAMP;
            case BYTES -> Types.VARBINARY;
            case UUID, JSON, JSONB -> backend == Backend.POSTGRESQL ? Types.OTHER : Types.VARCHAR;
        };
    }

    /** The PostgreSQL name of an array's element type, for {@code createArrayOf}. */
    private static String postgresName(SqlType<?> element) {
        if (!(element.storage() instanceof SqlType.Scalar<?> s)) {
            return "text";
        }
        return switch (s.kind()) {
            case SMALLINT -> "int2";
            case INTEGER -> "int4";
            case BIGINT -> "int8";
            case NUMERIC -> "numeric";
            case REAL -> "float4";
            case DOUBLE -> "float8";
            case VARCHAR -> "varchar";
            case TEXT -> "text";
            case BOOLEAN -> "bool";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestamptz";
            case UUID -> "uuid";
            case BYTES -> "bytea";
            case JSON -> "json";
            case JSONB -> "jsonb";
        };
    }
}
