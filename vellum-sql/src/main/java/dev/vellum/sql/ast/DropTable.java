package dev.vellum.sql.ast;

import dev.vellum.sql.Table;

/**
 * {@code DROP TABLE [IF EXISTS] ...}.
 *
 * @param table    the table
 * @param ifExists skip it when the table does not exist
 * @since 0.1
 */
public record DropTable(Table table, boolean ifExists) implements Statement {
    /** Checks the table. */
    public DropTable {
        Nodes.notNull(table, "the table");
    }
}
