package dev.vellum.e2e.core;

import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Row;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.SelectStatement;

/** Reading one typed column of a Core query, for the Core ITs' assertions. */
final class Fetch {
    private Fetch() {
    }

    /** The values of {@code column} in every row of {@code query}, in result order. */
    static <T> List<T> column(Connection conn, SelectStatement query, Expression<T> column) {
        return conn.execute(query).all().stream().map(r -> r.get(column)).toList();
    }

    /** The values of {@code column} in {@code rows}. */
    static <T> List<T> column(List<Row> rows, Expression<T> column) {
        return rows.stream().map(r -> r.get(column)).toList();
    }
}
