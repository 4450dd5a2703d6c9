package dev.vellum.dialect.sqlite;

import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.dialect.spi.SqlCompiler;
import dev.vellum.sql.Sql;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.ast.CompoundSelect;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.Insert;
import dev.vellum.sql.ast.Select;
import dev.vellum.sql.ast.SelectStatement;

/** SQLite's spelling of queries and DML: bare set-operation operands, {@code LIMIT -1}, no row locks. */
final class SqliteCompiler extends SqlCompiler {
    private static final java.util.Set<SqlType.Kind> TEXT_KINDS = java.util.EnumSet.of(SqlType.Kind.DATE,
            SqlType.Kind.TIME, SqlType.Kind.TIMESTAMP, SqlType.Kind.TIMESTAMP_TZ, SqlType.Kind.UUID, SqlType.Kind.JSON);

    SqliteCompiler(BaseDialect dialect) {
        super(dialect);
    }

    @Override
    protected void compoundOperand(SelectStatement operand) {
        // SQLite rejects parenthesised operands; one with its own ORDER BY or LIMIT becomes a subquery
        if (operand instanceof Select s && s.orderBy().isEmpty() && s.limit() == null && s.offset() == null
                && s.with().isEmpty()) {
            statement(s);
        } else {
            sql.append("SELECT * FROM (");
            statement(operand);
            sql.append(')');
        }
    }

    @Override
    protected void limitOffset(Expression.Bind<Long> limit, Expression.Bind<Long> offset) {
        if (limit == null && offset != null) {
            sql.append(" LIMIT -1");
        }
        super.limitOffset(limit, offset);
    }

    /**
     * Dates, times, UUIDs, JSON and enums are text in SQLite: {@code CAST(x AS DATE)} would take the NUMERIC
     * affinity and turn '2024-05-01' into 2024.
     */
    @Override
    protected String castType(SqlType<?> type) {
        SqlType<?> stored = type.storage();
        boolean text = stored instanceof SqlType.EnumType<?> || stored instanceof SqlType.Scalar<?> s
                && TEXT_KINDS.contains(s.kind());
        return text ? "TEXT" : super.castType(type);
    }

    @Override
    protected void lock(Select.Lock lock) {
        // SQLite has no row locks: the first write of a transaction locks the whole database
    }

    @Override
    protected void insert(Insert i) {
        if (i.select() != null && i.conflict() != null) {
            // "INSERT ... SELECT ... ON CONFLICT" parses ON as a join constraint unless the SELECT has a WHERE:
            // a plain select gets "WHERE 1 = 1" when it has none, a set operation is selected from as a subquery
            SelectStatement select = switch (i.select()) {
                case Select s when s.where() != null -> s;
                case Select s -> s.where(Sql.and());
                case CompoundSelect c -> {
                    var wrapped = c.as("src");
                    yield Select.of(c.selected().stream().<Expression<?>>map(wrapped::get).toList()).from(wrapped)
                            .where(Sql.and());
                }
            };
            i = new Insert(i.table(), i.columns(), i.rows(), select, i.conflict(), i.returning());
        }
        super.insert(i);
    }
}
