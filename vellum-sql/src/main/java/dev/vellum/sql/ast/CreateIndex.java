package dev.vellum.sql.ast;

import dev.vellum.sql.Index;

/**
 * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (columns)}.
 *
 * @param index       the index
 * @param ifNotExists skip it when the index exists
 * @since 0.1
 */
public record CreateIndex(Index index, boolean ifNotExists) implements Statement {
    /** Checks the index. */
    public CreateIndex {
        Nodes.notNull(index, "the index");
    }
}
