package dev.vellum.dialect.spi;

import java.util.Set;

import dev.vellum.sql.Column;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Expression;

/** The tables whose columns an expression uses (not looking into subqueries). */
final class Tables {
    private Tables() {
    }

    static void collect(Expression<?> e, Set<Table> into) {
        switch (e) {
            case Column<?> c -> into.add(c.table());
            case Expression.Arithmetic<?> a -> {
                collect(a.left(), into);
                collect(a.right(), into);
            }
            case Expression.Concat c -> {
                collect(c.left(), into);
                collect(c.right(), into);
            }
            case Expression.Func<?> f -> f.args().forEach(arg -> collect(arg, into));
            case Expression.Cast<?> c -> collect(c.operand(), into);
            case Expression.Label<?> l -> collect(l.expression(), into);
            case Expression.Window<?> w -> collect(w.function(), into);
            case Expression.Case<?> c -> c.whens().forEach(w -> collect(w.value(), into));
            case Condition.Comparison c -> {
                collect(c.left(), into);
                collect(c.right(), into);
            }
            default -> { }
        }
    }
}
