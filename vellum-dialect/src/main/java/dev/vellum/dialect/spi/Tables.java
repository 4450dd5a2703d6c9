package dev.vellum.dialect.spi;

import java.util.Set;

import dev.vellum.sql.Column;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.OrderItem;

/** The tables whose columns an expression uses (not looking into subqueries, which have their own FROM). */
final class Tables {
    private Tables() {
    }

    static void collect(Expression<?> e, Set<Table> into) {
        switch (e) {
            case Column<?> c -> into.add(c.table());
            case Expression.Bind<?> b -> { }
            case Expression.Arithmetic<?> a -> {
                collect(a.left(), into);
                collect(a.right(), into);
            }
            case Expression.Concat c -> {
                collect(c.left(), into);
                collect(c.right(), into);
            }
            case Expression.Func<?> f -> f.args().forEach(arg -> collect(arg, into));
            case Expression.Case<?> c -> {
                for (Expression.When<?> w : c.whens()) {
                    collect(w.condition(), into);
                    collect(w.value(), into);
                }
                if (c.otherwise() != null) {
                    collect(c.otherwise(), into);
                }
            }
            case Expression.Cast<?> c -> collect(c.operand(), into);
            case Expression.Window<?> w -> {
                collect(w.function(), into);
                w.partitionBy().forEach(p -> collect(p, into));
                w.orderBy().stream().map(OrderItem::expression).forEach(o -> collect(o, into));
            }
            case Expression.Label<?> l -> collect(l.expression(), into);
            case Expression.ScalarSubquery<?> s -> { }
            case Expression.Excluded<?> x -> { }
            case Expression.QualifiedColumn<?> q -> { }
            case Expression.JsonGet<?> j -> collect(j.json(), into);
            case Condition c -> condition(c, into);
        }
    }

    private static void condition(Condition c, Set<Table> into) {
        switch (c) {
            case Condition.Comparison cmp -> {
                collect(cmp.left(), into);
                collect(cmp.right(), into);
            }
            case Condition.Junction j -> j.terms().forEach(t -> collect(t, into));
            case Condition.Not n -> collect(n.operand(), into);
            case Condition.Like l -> {
                collect(l.operand(), into);
                collect(l.pattern(), into);
            }
            case Condition.Between b -> {
                collect(b.operand(), into);
                collect(b.low(), into);
                collect(b.high(), into);
            }
            case Condition.InList in -> {
                collect(in.operand(), into);
                in.values().forEach(v -> collect(v, into));
            }
            case Condition.InSelect in -> collect(in.operand(), into);
            case Condition.Exists x -> { }
            case Condition.IsNull n -> collect(n.operand(), into);
            case Condition.Truth t -> collect(t.operand(), into);
            case Condition.JsonContains j -> collect(j.json(), into);
        }
    }
}
