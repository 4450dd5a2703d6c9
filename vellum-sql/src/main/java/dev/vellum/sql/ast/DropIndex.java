package dev.vellum.sql.ast;

import dev.vellum.sql.Index;

/**
 * {@code DROP INDEX [IF EXISTS] name} (with {@code ON table} on MariaDB).
 *
 * @param index    the index
 * @param ifExists skip it when the index does not exist
 * @since 0.1
 */
public record DropIndex(Index index, boolean ifExists) implements Statement {
    /** Checks the index. */
    public DropIndex {
        Nodes.notNull(index, "the index");
    }
}
