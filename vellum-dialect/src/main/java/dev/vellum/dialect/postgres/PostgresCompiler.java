package dev.vellum.dialect.postgres;

import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.dialect.spi.SqlCompiler;
import dev.vellum.sql.ast.Condition;

/** PostgreSQL's spelling of queries and DML: {@code ILIKE}. */
final class PostgresCompiler extends SqlCompiler {
    PostgresCompiler(BaseDialect dialect) {
        super(dialect);
    }

    @Override
    protected void like(Condition.Like l) {
        if (!l.ignoreCase()) {
            super.like(l);
            return;
        }
        operand(l.operand());
        sql.append(l.negated() ? " NOT ILIKE " : " ILIKE ");
        expression(l.pattern());
        if (l.escape() != null) {
            sql.append(" ESCAPE ").append(dialect.literal(String.valueOf(l.escape())));
        }
    }

    @Override
    protected void jsonContains(Condition.JsonContains j) {
        if (!(j.json().type().storage() instanceof dev.vellum.sql.SqlType.Scalar<?> s)
                || s.kind() != dev.vellum.sql.SqlType.Kind.JSONB) {
            throw notSupported("JSON containment (@>) on a json value: it needs jsonb");
        }
        operand(j.json());
        sql.append(" @> CAST(");
        expression(j.other());
        sql.append(" AS ").append(dialect.typeName(j.other().type())).append(')');
    }
}
