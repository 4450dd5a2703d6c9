package dev.vellum.dialect.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import dev.vellum.sql.Column;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Assignment;
import dev.vellum.sql.ast.CompoundSelect;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.CreateIndex;
import dev.vellum.sql.ast.CreateTable;
import dev.vellum.sql.ast.Cte;
import dev.vellum.sql.ast.Delete;
import dev.vellum.sql.ast.DerivedTable;
import dev.vellum.sql.ast.DropIndex;
import dev.vellum.sql.ast.DropTable;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.FromItem;
import dev.vellum.sql.ast.Insert;
import dev.vellum.sql.ast.Join;
import dev.vellum.sql.ast.OrderItem;
import dev.vellum.sql.ast.Select;
import dev.vellum.sql.ast.Statement;
import dev.vellum.sql.ast.TableAlias;
import dev.vellum.sql.ast.Text;
import dev.vellum.sql.ast.Update;

/**
 * The bind values of a statement in one fixed order (a depth-first walk of the AST, components in declaration
 * order). A cached compilation records, for each placeholder, the position of its value in this order; a statement
 * of the same shape is then bound by walking it, without compiling.
 */
public final class BindOrder {
    private final List<Expression.Bind<?>> binds = new ArrayList<>();
    private final Set<Expression.Bind<?>> seen;
    private boolean shared;

    private BindOrder(boolean detectSharing) {
        seen = detectSharing ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
    }

    /** Walks {@code statement}, noting whether a bind object occurs twice (for a statement about to be compiled). */
    public static BindOrder of(Statement statement) {
        return of(statement, true);
    }

    /**
     * Walks {@code statement}; {@code detectSharing} is needed only when compiling: a statement bound from a
     * cached compilation takes each value from its own position, shared or not.
     */
    public static BindOrder of(Statement statement, boolean detectSharing) {
        var order = new BindOrder(detectSharing);
        order.statement(statement);
        return order;
    }

    /** The binds in walk order. */
    public List<Expression.Bind<?>> binds() {
        return binds;
    }

    /**
     * True when one bind object occurs twice: its two places could hold different objects in another statement
     * of the same shape, so such a compilation is not cached.
     */
    public boolean sharesBinds() {
        return shared;
    }

    private void statement(Statement statement) {
        switch (statement) {
            case Select s -> select(s);
            case CompoundSelect c -> {
                statement(c.left());
                statement(c.right());
                orderItems(c.orderBy());
                bind(c.limit());
                bind(c.offset());
            }
            case Insert i -> {
                i.rows().forEach(this::expressions);
                if (i.select() != null) {
                    statement(i.select());
                }
                if (i.conflict() != null) {
                    assignments(i.conflict().updates());
                }
                expressions(i.returning());
            }
            case Update u -> {
                assignments(u.sets());
                u.from().forEach(this::from);
                condition(u.where());
                expressions(u.returning());
            }
            case Delete d -> {
                condition(d.where());
                expressions(d.returning());
            }
            case Text t -> { }
            case CreateTable c -> { }
            case DropTable d -> { }
            case CreateIndex c -> { }
            case DropIndex d -> { }
        }
    }

    private void select(Select s) {
        for (Cte cte : s.with()) {
            statement(cte.query());
        }
        expressions(s.columns());
        s.from().forEach(this::from);
        condition(s.where());
        expressions(s.groupBy());
        condition(s.having());
        orderItems(s.orderBy());
        bind(s.limit());
        bind(s.offset());
    }

    private void from(FromItem item) {
        switch (item) {
            case Table t -> { }
            case TableAlias a -> { }
            case Cte c -> { }
            case Join j -> {
                from(j.left());
                from(j.right());
                condition(j.on());
            }
            case DerivedTable d -> statement(d.query());
        }
    }

    private void assignments(List<Assignment> assignments) {
        for (Assignment a : assignments) {
            expression(a.value());
        }
    }

    private void orderItems(List<OrderItem> items) {
        for (OrderItem o : items) {
            expression(o.expression());
        }
    }

    private void expressions(List<? extends Expression<?>> expressions) {
        for (Expression<?> e : expressions) {
            expression(e);
        }
    }

    private void condition(Condition c) {
        if (c != null) {
            expression(c);
        }
    }

    private void bind(Expression.Bind<?> b) {
        if (b != null) {
            if (seen != null && !seen.add(b)) {
                shared = true;
            }
            binds.add(b);
        }
    }

    private void expression(Expression<?> e) {
        switch (e) {
            case Column<?> c -> { }
            case Expression.Bind<?> b -> bind(b);
            case Expression.Arithmetic<?> a -> {
                expression(a.left());
                expression(a.right());
            }
            case Expression.Concat c -> {
                expression(c.left());
                expression(c.right());
            }
            case Expression.Func<?> f -> expressions(f.args());
            case Expression.Case<?> c -> {
                for (Expression.When<?> w : c.whens()) {
                    expression(w.condition());
                    expression(w.value());
                }
                if (c.otherwise() != null) {
                    expression(c.otherwise());
                }
            }
            case Expression.Cast<?> c -> expression(c.operand());
            case Expression.Window<?> w -> {
                expression(w.function());
                expressions(w.partitionBy());
                orderItems(w.orderBy());
            }
            case Expression.Label<?> l -> expression(l.expression());
            case Expression.ScalarSubquery<?> s -> statement(s.query());
            case Expression.Excluded<?> x -> { }
            case Expression.QualifiedColumn<?> q -> { }
            case Expression.JsonGet<?> j -> {
                expression(j.json());
                expression(j.key());
            }
            case Condition.Comparison c -> {
                expression(c.left());
                expression(c.right());
            }
            case Condition.Junction j -> j.terms().forEach(this::expression);
            case Condition.Not n -> expression(n.operand());
            case Condition.Like l -> {
                expression(l.operand());
                expression(l.pattern());
            }
            case Condition.Between b -> {
                expression(b.operand());
                expression(b.low());
                expression(b.high());
            }
            case Condition.InList in -> {
                expression(in.operand());
                expressions(in.values());
            }
            case Condition.InSelect in -> {
                expression(in.operand());
                statement(in.subquery());
            }
            case Condition.Exists x -> statement(x.subquery());
            case Condition.IsNull n -> expression(n.operand());
            case Condition.Truth t -> expression(t.operand());
            case Condition.JsonContains j -> {
                expression(j.json());
                expression(j.other());
            }
        }
    }
}
