package dev.vellum.dialect.mariadb;

import java.util.List;

import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.dialect.spi.SqlCompiler;
import dev.vellum.sql.Column;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.ast.CompoundSelect;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.Insert;
import dev.vellum.sql.ast.Join;
import dev.vellum.sql.ast.OnConflict;
import dev.vellum.sql.ast.OrderItem;
import dev.vellum.sql.ast.Select;
import dev.vellum.sql.ast.Update;

/**
 * MariaDB's spelling of queries and DML: {@code CONCAT()}, {@code CHAR_LENGTH}, {@code ON DUPLICATE KEY UPDATE},
 * multi-table UPDATE, NULLS FIRST/LAST by sorting on {@code IS NULL}, no FULL JOIN and no UPDATE RETURNING.
 */
final class MariaDbCompiler extends SqlCompiler {
    /** MariaDB's way of saying "no limit" when only an offset is given. */
    private static final String NO_LIMIT = "18446744073709551615";

    MariaDbCompiler(BaseDialect dialect) {
        super(dialect);
    }

    @Override
    protected void concat(Expression.Concat c) {
        sql.append("CONCAT(");
        expression(c.left());
        sql.append(", ");
        expression(c.right());
        sql.append(')');
    }

    @Override
    protected String functionName(String name) {
        return name.equalsIgnoreCase("length") ? "CHAR_LENGTH" : name;
    }

    @Override
    protected void defaultValues() {
        sql.append(" () VALUES ()");
    }

    @Override
    protected void onConflict(Insert insert, OnConflict conflict) {
        // MariaDB fires on any unique key, so the target is not written; "DO NOTHING" is a no-op update
        sql.append(" ON DUPLICATE KEY UPDATE ");
        if (conflict.doNothing()) {
            // qualified: with INSERT ... SELECT the bare name could also be a column of the SELECT's tables
            String first = dialect.quote(insert.table().name()) + "." + dialect.quote(conflict.target().getFirst()
                    .name());
            sql.append(first).append(" = ").append(first);
        } else {
            assignments(conflict.updates());
        }
    }

    /** Integer types divide with {@code DIV}, as on the other databases; MariaDB's {@code /} gives a decimal. */
    @Override
    protected void arithmetic(Expression.Arithmetic<?> a, String operator) {
        boolean integers = a.op() == Expression.ArithmeticOp.DIVIDE && a.type().storage() instanceof SqlType.Scalar<?> s
                && (s.kind() == SqlType.Kind.SMALLINT || s.kind() == SqlType.Kind.INTEGER
                || s.kind() == SqlType.Kind.BIGINT);
        super.arithmetic(a, integers ? "DIV" : operator);
    }

    /** MariaDB refuses LIMIT in an IN subquery, but not in a derived table inside one. */
    @Override
    protected void inSelect(Condition.InSelect in) {
        boolean limited = switch (in.subquery()) {
            case Select s -> s.limit() != null || s.offset() != null;
            case CompoundSelect c -> c.limit() != null || c.offset() != null;
        };
        if (!limited) {
            super.inSelect(in);
            return;
        }
        operand(in.operand());
        sql.append(in.negated() ? " NOT IN (SELECT * FROM (" : " IN (SELECT * FROM (");
        statement(in.subquery());
        sql.append(") AS ").append(dialect.quote("in_limited")).append(')');
    }

    /** {@code JSON_EXTRACT(json, path)}, unquoted for {@code ->>}; the path is built from the key bind. */
    @Override
    protected void jsonGet(Expression.JsonGet<?> j) {
        sql.append(j.asText() ? "JSON_UNQUOTE(JSON_EXTRACT(" : "JSON_EXTRACT(");
        expression(j.json());
        boolean key = j.key().type().javaType() == String.class;
        sql.append(key ? ", CONCAT('$.\"', " : ", CONCAT('$[', ");
        expression(j.key());
        sql.append(key ? ", '\"'))" : ", ']'))");
        if (j.asText()) {
            sql.append(')');
        }
    }

    /** {@code JSON_CONTAINS(json, ?)}. */
    @Override
    protected void jsonContains(Condition.JsonContains j) {
        sql.append("JSON_CONTAINS(");
        expression(j.json());
        sql.append(", ");
        expression(j.other());
        sql.append(')');
    }

    @Override
    protected void excluded(Column<?> c) {
        sql.append("VALUES(").append(dialect.quote(c.name())).append(')');
    }

    @Override
    protected void update(Update u) {
        if (!u.returning().isEmpty()) {
            throw notSupported("UPDATE ... RETURNING");
        }
        if (u.from().isEmpty()) {
            super.update(u);
            return;
        }
        if (u.sets().isEmpty()) {
            throw new dev.vellum.error.InterfaceException("an update of " + u.table().name() + " sets no column");
        }
        // a multi-table UPDATE: the other tables join in the table list and every SET column is qualified
        sql.append("UPDATE ");
        table(u.table());
        for (var item : u.from()) {
            sql.append(", ");
            fromItem(item);
        }
        sql.append(" SET ");
        list(u.sets(), a -> {
            column(a.column());
            sql.append(" = ");
            expression(a.value());
        });
        if (u.where() != null) {
            sql.append(" WHERE ");
            expression(u.where());
        }
    }

    @Override
    protected void returning(List<Expression<?>> items, String statementKind) {
        if (!items.isEmpty() && statementKind.equals("UPDATE")) {
            throw notSupported("UPDATE ... RETURNING");
        }
        super.returning(items, statementKind);
    }

    @Override
    protected void orderItem(OrderItem item) {
        if (item.nulls() != OrderItem.Nulls.DEFAULT) {
            // no NULLS FIRST/LAST: sort on "is null" first (true sorts after false). That test takes a label's
            // expression, as MariaDB refuses "n IS NULL" when n names an aggregate; a set operation's ORDER BY
            // can name only result columns, so there it keeps the name.
            if (item.expression() instanceof Expression.Label<?> label && !bareColumns()) {
                expression(label.expression());
            } else {
                orderKey(item.expression());
            }
            sql.append(item.nulls() == OrderItem.Nulls.FIRST ? " IS NULL DESC, " : " IS NULL ASC, ");
        }
        orderKey(item.expression());
        sql.append(item.direction() == OrderItem.Direction.ASC ? " ASC" : " DESC");
    }

    @Override
    protected void join(Join j) {
        if (j.kind() == Join.Kind.FULL) {
            throw notSupported("FULL JOIN");
        }
        super.join(j);
    }

    @Override
    protected void limitOffset(Expression.Bind<Long> limit, Expression.Bind<Long> offset) {
        if (limit == null && offset != null) {
            sql.append(" LIMIT ").append(NO_LIMIT);
        }
        super.limitOffset(limit, offset);
    }

    @Override
    protected void lock(Select.Lock lock) {
        sql.append(lock.strength() == Select.Lock.Strength.UPDATE ? " FOR UPDATE" : " LOCK IN SHARE MODE");
        lockWait(lock.waitPolicy());
    }

    @Override
    protected String castType(SqlType<?> type) {
        SqlType<?> stored = type.storage();
        if (stored instanceof SqlType.Scalar<?> s) {
            return switch (s.kind()) {
                case SMALLINT, INTEGER, BIGINT, BOOLEAN -> "SIGNED";
                case NUMERIC -> MariaDbDialect.decimal(s);
                case REAL -> "FLOAT";
                case DOUBLE -> "DOUBLE";
                case VARCHAR -> "CHAR(" + s.length() + ")";
                case TEXT, JSON, UUID -> "CHAR";
                case DATE -> "DATE";
                case TIME -> "TIME(6)";
                case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME(6)";
                case BYTES -> "BINARY";
                case JSONB -> throw notSupported("the JSONB type");
            };
        }
        if (stored instanceof SqlType.EnumType<?>) {
            return "CHAR";
        }
        throw notSupported("CAST to " + type);
    }
}
