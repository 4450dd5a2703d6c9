package dev.vellum.dialect.sqlite;

import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.dialect.spi.DdlCompiler;
import dev.vellum.dialect.spi.SqlCompiler;
import dev.vellum.sql.SqlType;

/**
 * SQLite 3.35 or later: {@code "} quotes, {@code RETURNING}, {@code ON CONFLICT}, {@code LIMIT -1} for an offset
 * alone, booleans as 0/1, dates and times as ISO text; row locks are ignored (a writing transaction locks the
 * whole database). Thread-safe.
 */
public final class SqliteDialect extends BaseDialect {
    /** The SQLite dialect. */
    public SqliteDialect() {
        super("sqlite", "SQLite", '"', 32_766, true);
    }

    @Override
    protected SqlCompiler sqlCompiler() {
        return new SqliteCompiler(this);
    }

    @Override
    protected DdlCompiler ddlCompiler() {
        return new SqliteDdlCompiler(this);
    }

    @Override
    public String literal(Object value) {
        return value instanceof Boolean b ? (b ? "1" : "0") : super.literal(value);
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
                case TEXT, JSON, UUID -> "TEXT";
                case BOOLEAN -> "BOOLEAN";
                case DATE -> "DATE";
                case TIME -> "TIME";
                case TIMESTAMP, TIMESTAMP_TZ -> "TIMESTAMP";
                case BYTES -> "BLOB";
                case JSONB -> throw unsupported("the JSONB type");
            };
            case SqlType.EnumType<?> e -> "VARCHAR(" + e.maxLength() + ")";
            case SqlType.ArrayType<?> a -> throw unsupported("array types");
            case SqlType.Converted<?, ?> c -> typeName(c.base());
        };
    }
}
