package dev.vellum.dialect.mariadb;

import java.util.stream.Collectors;

import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.dialect.spi.DdlCompiler;
import dev.vellum.dialect.spi.SqlCompiler;
import dev.vellum.sql.SqlType;

/**
 * MariaDB 10.7 or later (and MySQL where they agree): backtick quotes, {@code AUTO_INCREMENT},
 * {@code ON DUPLICATE KEY UPDATE}, {@code CONCAT()}, {@code RETURNING} on INSERT and DELETE but not UPDATE,
 * native {@code ENUM}, backslash escapes in string literals. Thread-safe.
 */
public final class MariaDbDialect extends BaseDialect {
    /** The MariaDB dialect. */
    public MariaDbDialect() {
        super("mariadb", "MariaDB", '`', 65_535, false);
    }

    @Override
    protected SqlCompiler sqlCompiler() {
        return new MariaDbCompiler(this);
    }

    @Override
    protected DdlCompiler ddlCompiler() {
        return new MariaDbDdlCompiler(this);
    }

    @Override
    protected String quoteString(String s) {
        return super.quoteString(s.replace("\\", "\\\\"));
    }

    @Override
    public String typeName(SqlType<?> type) {
        return switch (type) {
            case SqlType.Scalar<?> s -> switch (s.kind()) {
                case SMALLINT -> "SMALLINT";
                case INTEGER -> "INT";
                case BIGINT -> "BIGINT";
                case NUMERIC -> decimal(s);
                case REAL -> "FLOAT";
                case DOUBLE -> "DOUBLE";
                case VARCHAR -> "VARCHAR(" + s.length() + ")";
                case TEXT -> "LONGTEXT";
                case BOOLEAN -> "BOOLEAN";
                case DATE -> "DATE";
                case TIME -> "TIME(6)";
                case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME(6)";
                case UUID -> "UUID";
                case BYTES -> "LONGBLOB";
                case JSON -> "JSON";
                case JSONB -> throw unsupported("the JSONB type");
            };
            case SqlType.EnumType<?> e -> enumType(e);
            case SqlType.ArrayType<?> a -> throw unsupported("array types");
            case SqlType.Converted<?, ?> c -> typeName(c.base());
        };
    }

    private String enumType(SqlType.EnumType<?> e) {
        return "ENUM(" + e.labels().stream().map(this::literal).collect(Collectors.joining(", ")) + ")";
    }

    static String decimal(SqlType.Scalar<?> s) {
        return s.precision() > 0 ? "DECIMAL(" + s.precision() + ", " + s.scale() + ")" : "DECIMAL(65, 30)";
    }
}
