package dev.vellum.sql.ast;

import dev.vellum.sql.Table;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] ...} with the table's columns, keys and constraints.
 *
 * @param table       the table
 * @param ifNotExists skip it when the table exists
 * @since 0.1
 */
public record CreateTable(Table table, boolean ifNotExists) implements Statement {
    /** Checks the table. */
    public CreateTable {
        Nodes.notNull(table, "the table");
    }
}
