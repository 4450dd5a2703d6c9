/**
 * Vellum's lowest layer: the exception hierarchy raised by every layer above it, and the SQL expression language
 * (tables, columns, types, statements as an immutable AST). It requires nothing beyond {@code java.base}, so no
 * JDBC type can leak into it.
 */
module dev.vellum.sql {
    exports dev.vellum.error;
    exports dev.vellum.sql;
    exports dev.vellum.sql.ast;
}
