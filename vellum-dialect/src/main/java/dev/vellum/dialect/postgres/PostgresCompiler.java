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
}
