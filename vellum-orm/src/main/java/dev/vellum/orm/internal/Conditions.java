package dev.vellum.orm.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Expression;

/** Conditions on columns whose values are only known as {@code Object}s: ids and foreign keys. */
final class Conditions {
    private Conditions() {
    }

    /** {@code column = value}, or {@code IS NULL}. */
    static Condition eq(Column<?> column, Object value) {
        return value == null ? column.isNull() : new Condition.Comparison(Condition.Op.EQ, column,
                column.bindAny(value));
    }

    /** The columns equal the parts of {@code key} (a value, or a list of parts). */
    static Condition keyEquals(List<Column<?>> columns, Object key) {
        if (columns.size() == 1) {
            return eq(columns.getFirst(), key);
        }
        var terms = new Condition[columns.size()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = eq(columns.get(i), EntityType.part(key, i));
        }
        return Sql.and(terms);
    }

    /** The columns equal one of {@code keys}: {@code IN (...)} for one column, OR of ANDs for several. */
    static Condition keyIn(List<Column<?>> columns, Collection<?> keys) {
        if (columns.size() == 1) {
            Column<?> c = columns.getFirst();
            List<Expression<?>> binds = new ArrayList<>(keys.size());
            for (Object k : keys) {
                binds.add(c.bindAny(k));
            }
            return new Condition.InList(c, binds, false);
        }
        return Sql.or(keys.stream().map(k -> keyEquals(columns, k)).toArray(Condition[]::new));
    }
}
