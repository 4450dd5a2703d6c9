package dev.vellum.sql.ast;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.Column;

/** The name a selected expression has in its query's result, for referring to it from outside. */
final class Names {
    private Names() {
    }

    static String of(Expression<?> selected) {
        return switch (selected) {
            case Column<?> c -> c.name();
            case Expression.Label<?> l -> l.alias();
            case Expression.QualifiedColumn<?> q -> q.name();
            default -> throw new InterfaceException("only a column or a labelled expression (expr.as(\"name\")) can"
                    + " be referred to from outside its query; got " + selected.getClass().getSimpleName());
        };
    }
}
