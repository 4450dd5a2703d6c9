package dev.vellum.sql.ast;

import dev.vellum.sql.SqlType;

/**
 * A subquery in {@code FROM}: {@code (SELECT ...) AS alias}. Its columns are reached by name and type, or
 * through the expression they were selected as.
 *
 * @param query the subquery
 * @param alias its name
 * @since 0.1
 */
public record DerivedTable(SelectStatement query, String alias) implements FromItem {
    /** Checks the parts. */
    public DerivedTable {
        Nodes.notNull(query, "the derived table's query");
        Nodes.identifier(alias, "a derived table");
    }

    /** {@code alias.name} with the given type. */
    public <T> Expression<T> column(String name, SqlType<T> type) {
        return new Expression.QualifiedColumn<>(alias, Nodes.identifier(name, "a column"), type);
    }

    /** The column the subquery selected as {@code selected} (a column or a labelled expression). */
    public <T> Expression<T> get(Expression<T> selected) {
        return new Expression.QualifiedColumn<>(alias, Names.of(selected), selected.type());
    }
}
