package dev.vellum.dialect;

import java.util.List;

import dev.vellum.sql.SqlType;
import dev.vellum.sql.ast.Expression;

/**
 * A statement compiled for one database: SQL text with {@code ?} placeholders, the values for them in order (as
 * the database stores them: converters already applied), their SQL types (so NULLs are sent typed) and the
 * expressions of each result column (the select list or RETURNING), which typed row access looks up.
 *
 * @param sql        the SQL text
 * @param params     one value per placeholder, in order
 * @param paramTypes the SQL type of each value
 * @param selected   the expression behind each result column, in order; empty when there is no result
 * @since 0.1
 */
public record Compiled(String sql, List<Object> params, List<SqlType<?>> paramTypes, List<Expression<?>> selected) {
    /** Checks that there is a type per value. */
    public Compiled {
        if (params.size() != paramTypes.size()) {
            throw new IllegalArgumentException(params.size() + " values but " + paramTypes.size() + " types");
        }
        params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
        paramTypes = List.copyOf(paramTypes);
        selected = List.copyOf(selected);
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
