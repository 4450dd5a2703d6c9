package dev.vellum.sql.ast;

import java.util.List;

import dev.vellum.sql.SqlType;

/**
 * A common table expression: {@code WITH name (columns) AS (query)}. Declare it with {@code Sql.cte(name,
 * columns...)}, use it in {@code FROM} (also inside its own query, for {@code WITH RECURSIVE}), give it its query
 * with {@link #as}, and attach it to the outer select with {@code with(...)} or {@code withRecursive(...)}.
 *
 * @param name    the CTE's name
 * @param columns its column names (may be empty when the query names them)
 * @param query   its query, or {@code null} while only declared
 * @since 0.1
 */
public record Cte(String name, List<String> columns, SelectStatement query) implements FromItem {
    /** Checks the parts. */
    public Cte {
        Nodes.identifier(name, "a CTE");
        columns = List.copyOf(columns);
        columns.forEach(c -> Nodes.identifier(c, "a CTE column"));
    }

    /** This CTE defined by {@code query}. */
    public Cte as(SelectStatement query) {
        return new Cte(name, columns, Nodes.notNull(query, "the CTE's query"));
    }

    /** {@code name.column} with the given type. */
    public <T> Expression<T> column(String column, SqlType<T> type) {
        return new Expression.QualifiedColumn<>(name, Nodes.identifier(column, "a column"), type);
    }
}
