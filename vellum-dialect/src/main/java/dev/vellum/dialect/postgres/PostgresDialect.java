package dev.vellum.dialect.postgres;

import java.util.HexFormat;

import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.dialect.spi.DdlCompiler;
import dev.vellum.dialect.spi.SqlCompiler;
import dev.vellum.sql.SqlType;

/**
 * PostgreSQL 12 or later: {@code "} quotes, identity columns, {@code ILIKE}, {@code RETURNING} everywhere,
 * {@code ON CONFLICT}, JSONB and arrays. Thread-safe.
 */
public final class PostgresDialect extends BaseDialect {
    /** The PostgreSQL dialect. */
    public PostgresDialect() {
        super("postgresql", "PostgreSQL", '"', 32_767, true);
    }

    @Override
    protected SqlCompiler sqlCompiler() {
        return new PostgresCompiler(this);
    }

    @Override
    protected DdlCompiler ddlCompiler() {
        return new DdlCompiler(this);
    }

    @Override
    public String literal(Object value) {
        return value instanceof byte[] b ? "'\\x" + HexFormat.of().formatHex(b) + "'::bytea" : super.literal(value);
    }

    @Override
    public String typeName(SqlType<?> type) {
        return switch (type) {
            case SqlType.Scalar<?> s -> switch (s.kind()) {
                case SMALLINT -> "SMALLINT";
                case INTEGER -> "INTEGER";
                case BIGINT -> "BIGINT";
                case NUMERIC -> s.precision() > 0 ? "NUMERIC(" + s.precision() + ", " + s.scale() + ")" : "NUMERIC";
                case REAL -> "REAL";
                case DOUBLE -> "DOUBLE PRECISION";
                case VARCHAR -> "VARCHAR(" + s.length() + ")";
                case TEXT -> "TEXT";
                case BOOLEAN -> "BOOLEAN";
                case DATE -> "DATE";
                case TIME -> "TIME";
                case TIMESTAMP -> "TIMESTAMP";
                case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
                case UUID -> "UUID";
                case BYTES -> "BYTEA";
                case JSON -> "JSON";
                case JSONB -> "JSONB";
            };
            case SqlType.EnumType<?> e -> "VARCHAR(" + e.maxLength() + ")";
            case SqlType.ArrayType<?> a -> typeName(a.element()) + "[]";
            case SqlType.Converted<?, ?> c -> typeName(c.base());
        };
    }
}
