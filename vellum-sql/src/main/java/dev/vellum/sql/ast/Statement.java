package dev.vellum.sql.ast;

/**
 * A complete SQL statement: a query, an insert, update or delete, raw text with named binds, or DDL. A dialect
 * compiles it to SQL text plus ordered bind values; the engine runs it. Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface Statement permits SelectStatement, Insert, Update, Delete, Text, CreateTable, DropTable,
        CreateIndex, DropIndex {
}
