package dev.vellum.engine.internal;

import java.util.ArrayList;
import java.util.List;

import dev.vellum.sql.Column;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.Insert;

/**
 * Client-side column defaults ({@code column.withDefault(...)}, SQLAlchemy's {@code default=}): an insert that
 * leaves such a column out gets the column with a value computed per row, just before it is compiled.
 */
final class ClientDefaults {
    private ClientDefaults() {
    }

    /** The columns of the insert's table with a client default that {@code given} leaves out, in table order. */
    static List<Column<?>> missing(Insert insert, List<Column<?>> given) {
        var missing = new ArrayList<Column<?>>();
        for (Column<?> c : insert.table().columns()) {
            if (c.clientDefault() != null && !given.contains(c)) {
                missing.add(c);
            }
        }
        return missing;
    }

    /** The insert with its missing defaulted columns added to every row (an INSERT ... SELECT is left alone). */
    static Insert apply(Insert insert) {
        List<Column<?>> missing = missing(insert, insert.columns());
        if (missing.isEmpty() || insert.select() != null) {
            return insert;
        }
        var columns = new ArrayList<>(insert.columns());
        columns.addAll(missing);
        List<List<Expression<?>>> given = insert.rows().isEmpty() ? List.of(List.of()) : insert.rows();
        var rows = new ArrayList<List<Expression<?>>>(given.size());
        for (List<Expression<?>> row : given) {
            var values = new ArrayList<>(row);
            for (Column<?> c : missing) {
                values.add(c.bindAny(c.clientDefault().get()));
            }
            rows.add(values);
        }
        return new Insert(insert.table(), columns, rows, null, insert.conflict(), insert.returning());
    }
}
