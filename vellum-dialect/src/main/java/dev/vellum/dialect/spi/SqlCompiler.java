package dev.vellum.dialect.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.vellum.error.InterfaceException;
import dev.vellum.error.NotSupportedException;
import dev.vellum.sql.Column;
import dev.vellum.sql.SqlType;
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
import dev.vellum.sql.ast.Frame;
import dev.vellum.sql.ast.FromItem;
import dev.vellum.sql.ast.Insert;
import dev.vellum.sql.ast.Join;
import dev.vellum.sql.ast.OnConflict;
import dev.vellum.sql.ast.OrderItem;
import dev.vellum.sql.ast.Select;
import dev.vellum.sql.ast.SelectStatement;
import dev.vellum.sql.ast.Statement;
import dev.vellum.sql.ast.TableAlias;
import dev.vellum.sql.ast.Text;
import dev.vellum.sql.ast.Update;

/**
 * Compiles queries and DML to SQL text, collecting the binds in placeholder order. The base class writes the SQL
 * that PostgreSQL, SQLite and MariaDB share; a dialect overrides the {@code protected} method of the node it spells
 * differently. Every switch over the sealed AST is exhaustive, so a new node type cannot be forgotten. One
 * compiler per statement; not thread-safe.
 *
 * @since 0.1
 */
public class SqlCompiler {
    /** The dialect compiled for. */
    protected final BaseDialect dialect;
    /** The SQL written so far. */
    protected final StringBuilder sql = new StringBuilder(128);
    private final List<Expression.Bind<?>> binds = new ArrayList<>();
    private boolean literalBinds;
    private boolean bareColumns;

    /** A compiler for {@code dialect}. */
    public SqlCompiler(BaseDialect dialect) {
        this.dialect = dialect;
    }

    /** Compiles a query or DML statement. */
    public final String compile(Statement statement) {
        statement(statement);
        return sql.toString();
    }

    /** Compiles an expression with its values written as literals (for DDL: defaults and CHECK conditions). */
    public final String compileLiteral(Expression<?> expression) {
        literalBinds = true;
        bareColumns = true;
        expression(expression);
        return sql.toString();
    }

    /**
     * True while columns are written without their table: in DDL, in RETURNING and in the ORDER BY of a set
     * operation (which can name only result columns).
     */
    protected final boolean bareColumns() {
        return bareColumns;
    }

    /** The binds, one per placeholder written, in order. */
    public final List<Expression.Bind<?>> binds() {
        return binds;
    }

    // --- statements

    /** Writes a statement (also one nested in another: a subquery, a CTE, a set operation's operand). */
    protected void statement(Statement statement) {
        boolean outer = bareColumns;
        bareColumns = false; // a subquery in RETURNING or in a set operation's ORDER BY still qualifies its columns
        switch (statement) {
            case Select s -> select(s);
            case CompoundSelect c -> compound(c);
            case Insert i -> insert(i);
            case Update u -> update(u);
            case Delete d -> delete(d);
            case Text t -> throw new InterfaceException("text() statements run through the engine, not a dialect");
            case CreateTable c -> throw ddl();
            case DropTable d -> throw ddl();
            case CreateIndex c -> throw ddl();
            case DropIndex d -> throw ddl();
        }
        bareColumns = outer;
    }

    private static InterfaceException ddl() {
        return new InterfaceException("DDL compiles through the dialect's DdlCompiler");
    }

    /** {@code [WITH ...] SELECT ...}. */
    protected void select(Select s) {
        with(s);
        sql.append("SELECT ");
        if (s.distinctRows()) {
            sql.append("DISTINCT ");
        }
        list(s.columns(), this::selectItem);
        List<FromItem> from = s.from().isEmpty() ? implicitFrom(s) : s.from();
        if (!from.isEmpty()) {
            sql.append(" FROM ");
            list(from, this::fromItem);
        }
        where(s.where());
        if (!s.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            list(s.groupBy(), this::orderKey);
        }
        if (s.having() != null) {
            sql.append(" HAVING ");
            expression(s.having());
        }
        orderBy(s.orderBy());
        limitOffset(s.limit(), s.offset());
        if (s.lock() != null) {
            lock(s.lock());
        }
    }

    /** {@code WITH [RECURSIVE] name (cols) AS (query), ... }. */
    protected void with(Select s) {
        if (s.with().isEmpty()) {
            return;
        }
        sql.append(s.recursive() ? "WITH RECURSIVE " : "WITH ");
        list(s.with(), cte -> {
            sql.append(dialect.quote(cte.name()));
            if (!cte.columns().isEmpty()) {
                sql.append(" (");
                list(cte.columns(), c -> sql.append(dialect.quote(c)));
                sql.append(')');
            }
            sql.append(" AS (");
            statement(cte.query());
            sql.append(')');
        });
        sql.append(' ');
    }

    /** One item of the select list: {@code expr [AS alias]}. */
    protected void selectItem(Expression<?> e) {
        if (e instanceof Expression.Label<?> label) {
            expression(label.expression());
            sql.append(" AS ").append(dialect.quote(label.alias()));
        } else {
            expression(e);
        }
    }

    /** The tables of the selected columns, when a select names no FROM (as SQLAlchemy does). */
    protected List<FromItem> implicitFrom(Select s) {
        Set<Table> tables = new LinkedHashSet<>();
        for (Expression<?> e : s.columns()) {
            Tables.collect(e, tables);
        }
        return List.copyOf(tables);
    }

    /** {@code left UNION [ALL] right ...}. */
    protected void compound(CompoundSelect c) {
        compoundOperand(c.left());
        sql.append(' ').append(c.kind().name());
        if (c.all()) {
            sql.append(" ALL");
        }
        sql.append(' ');
        compoundOperand(c.right());
        boolean outer = bareColumns;
        bareColumns = true; // ORDER BY of a set operation names result columns, never table columns
        orderBy(c.orderBy());
        bareColumns = outer;
        limitOffset(c.limit(), c.offset());
    }

    /** One side of a set operation, in parentheses. */
    protected void compoundOperand(SelectStatement operand) {
        sql.append('(');
        statement(operand);
        sql.append(')');
    }

    /** {@code INSERT INTO t (cols) VALUES ... | SELECT ... [upsert] [RETURNING]}. */
    protected void insert(Insert i) {
        if (!i.columns().isEmpty() && i.rows().isEmpty() && i.select() == null) {
            throw new InterfaceException("an insert into " + i.table().name() + " names columns but has no values(...)"
                    + " or select(...): run it with conn.execute(insert, rows), which gives the rows");
        }
        sql.append("INSERT INTO ");
        table(i.table());
        if (i.columns().isEmpty() && i.select() == null) {
            defaultValues();
        } else {
            sql.append(" (");
            list(i.columns(), c -> sql.append(dialect.quote(c.name())));
            sql.append(')');
            if (i.select() != null) {
                sql.append(' ');
                statement(i.select());
            } else {
                sql.append(" VALUES ");
                list(i.rows(), row -> {
                    sql.append('(');
                    list(row, this::expression);
                    sql.append(')');
                });
            }
        }
        if (i.conflict() != null) {
            onConflict(i, i.conflict());
        }
        returning(i.returning(), "INSERT");
    }

    /** An insert of a row of defaults. */
    protected void defaultValues() {
        sql.append(" DEFAULT VALUES");
    }

    /** {@code ON CONFLICT (target) DO NOTHING | DO UPDATE SET ...}. */
    protected void onConflict(Insert insert, OnConflict conflict) {
        sql.append(" ON CONFLICT (");
        list(conflict.target(), c -> sql.append(dialect.quote(c.name())));
        sql.append(')');
        if (conflict.doNothing()) {
            sql.append(" DO NOTHING");
        } else {
            sql.append(" DO UPDATE SET ");
            assignments(conflict.updates());
        }
    }

    /** {@code UPDATE t SET ... [FROM ...] [WHERE ...] [RETURNING ...]}. */
    protected void update(Update u) {
        if (u.sets().isEmpty()) {
            throw new InterfaceException("an update of " + u.table().name() + " sets no column");
        }
        sql.append("UPDATE ");
        table(u.table());
        sql.append(" SET ");
        assignments(u.sets());
        if (!u.from().isEmpty()) {
            sql.append(" FROM ");
            list(u.from(), this::fromItem);
        }
        where(u.where());
        returning(u.returning(), "UPDATE");
    }

    /** {@code col = value, ...} with bare column names on the left. */
    protected void assignments(List<Assignment> assignments) {
        list(assignments, a -> {
            sql.append(dialect.quote(a.column().name())).append(" = ");
            expression(a.value());
        });
    }

    /** {@code DELETE FROM t [WHERE ...] [RETURNING ...]}. */
    protected void delete(Delete d) {
        sql.append("DELETE FROM ");
        table(d.table());
        where(d.where());
        returning(d.returning(), "DELETE");
    }

    /** {@code RETURNING ...}. */
    protected void returning(List<Expression<?>> items, String statementKind) {
        if (!items.isEmpty()) {
            sql.append(" RETURNING ");
            boolean outer = bareColumns;
            bareColumns = true; // SQLite allows only the target table's bare column names here
            list(items, this::selectItem);
            bareColumns = outer;
        }
    }

    private void where(Condition where) {
        if (where != null) {
            sql.append(" WHERE ");
            expression(where);
        }
    }

    /** {@code ORDER BY ...}. */
    protected void orderBy(List<OrderItem> items) {
        if (!items.isEmpty()) {
            sql.append(" ORDER BY ");
            list(items, this::orderItem);
        }
    }

    /** {@code expr ASC|DESC [NULLS FIRST|LAST]}. */
    protected void orderItem(OrderItem item) {
        orderKey(item.expression());
        sql.append(item.direction() == OrderItem.Direction.ASC ? " ASC" : " DESC");
        switch (item.nulls()) {
            case DEFAULT -> { }
            case FIRST -> sql.append(" NULLS FIRST");
            case LAST -> sql.append(" NULLS LAST");
        }
    }

    /**
     * A sort or grouping key: a label by its name (so a key with binds need not match the select list's binds),
     * anything else by its value.
     */
    protected void orderKey(Expression<?> e) {
        if (e instanceof Expression.Label<?> label) {
            sql.append(dialect.quote(label.alias()));
        } else {
            expression(e);
        }
    }

    /** {@code LIMIT ? OFFSET ?}. */
    protected void limitOffset(Expression.Bind<Long> limit, Expression.Bind<Long> offset) {
        if (limit != null) {
            sql.append(" LIMIT ");
            bind(limit);
        }
        if (offset != null) {
            sql.append(" OFFSET ");
            bind(offset);
        }
    }

    /** {@code FOR UPDATE|SHARE [NOWAIT|SKIP LOCKED]}. */
    protected void lock(Select.Lock lock) {
        sql.append(lock.strength() == Select.Lock.Strength.UPDATE ? " FOR UPDATE" : " FOR SHARE");
        lockWait(lock.waitPolicy());
    }

    /** {@code NOWAIT} / {@code SKIP LOCKED}. */
    protected void lockWait(Select.Lock.Wait wait) {
        switch (wait) {
            case WAIT -> { }
            case NOWAIT -> sql.append(" NOWAIT");
            case SKIP_LOCKED -> sql.append(" SKIP LOCKED");
        }
    }

    // --- FROM

    /** A FROM item. */
    protected void fromItem(FromItem item) {
        switch (item) {
            case Table t -> table(t);
            case TableAlias a -> {
                table(a.table());
                sql.append(" AS ").append(dialect.quote(a.alias()));
            }
            case Join j -> join(j);
            case DerivedTable d -> {
                sql.append('(');
                statement(d.query());
                sql.append(") AS ").append(dialect.quote(d.alias()));
            }
            case Cte c -> sql.append(dialect.quote(c.name()));
        }
    }

    /** {@code left [LEFT|RIGHT|FULL] JOIN right ON condition}. */
    protected void join(Join j) {
        fromItem(j.left());
        sql.append(switch (j.kind()) {
            case INNER -> " JOIN ";
            case LEFT -> " LEFT JOIN ";
            case RIGHT -> " RIGHT JOIN ";
            case FULL -> " FULL JOIN ";
        });
        if (j.right() instanceof Join) {
            sql.append('(');
            fromItem(j.right());
            sql.append(')');
        } else {
            fromItem(j.right());
        }
        sql.append(" ON ");
        expression(j.on());
    }

    /** A table name, schema-qualified when it has a schema. */
    protected void table(Table t) {
        if (t.schema() != null) {
            sql.append(dialect.quote(t.schema())).append('.');
        }
        sql.append(dialect.quote(t.name()));
    }

    // --- expressions

    /** An expression. */
    protected void expression(Expression<?> e) {
        switch (e) {
            case Column<?> c -> column(c);
            case Expression.Bind<?> b -> bind(b);
            case Expression.Arithmetic<?> a -> arithmetic(a, a.op().symbol());
            case Expression.Concat c -> concat(c);
            case Expression.Func<?> f -> function(f);
            case Expression.Case<?> c -> caseExpression(c);
            case Expression.Cast<?> c -> {
                sql.append("CAST(");
                expression(c.operand());
                sql.append(" AS ").append(castType(c.type())).append(')');
            }
            case Expression.Window<?> w -> window(w);
            // outside the select list and ORDER BY a label stands for its expression: PostgreSQL cannot name an
            // output column in WHERE or HAVING
            case Expression.Label<?> l -> expression(l.expression());
            case Expression.ScalarSubquery<?> s -> {
                sql.append('(');
                statement(s.query());
                sql.append(')');
            }
            case Expression.Excluded<?> x -> excluded(x.column());
            case Expression.QualifiedColumn<?> q -> qualified(q);
            case Expression.JsonGet<?> j -> jsonGet(j);
            case Condition c -> condition(c);
        }
    }

    private void qualified(Expression.QualifiedColumn<?> q) {
        sql.append(dialect.quote(q.qualifier())).append('.').append(dialect.quote(q.name()));
    }

    /** A column, qualified by its table unless inside DDL or a set operation's ORDER BY. */
    protected void column(Column<?> c) {
        if (!bareColumns) {
            table(c.table());
            sql.append('.');
        }
        sql.append(dialect.quote(c.name()));
    }

    /** A bound value: {@code ?}, or a literal inside DDL. */
    protected void bind(Expression.Bind<?> b) {
        if (literalBinds) {
            sql.append(dialect.literal(b.type().toDatabase(b.value())));
        } else {
            sql.append('?');
            binds.add(b);
        }
    }

    /** {@code (left op right)}. */
    protected void arithmetic(Expression.Arithmetic<?> a, String operator) {
        sql.append('(');
        expression(a.left());
        sql.append(' ').append(operator).append(' ');
        expression(a.right());
        sql.append(')');
    }

    /** {@code x [NOT] IN (subquery)}. */
    protected void inSelect(Condition.InSelect in) {
        operand(in.operand());
        sql.append(in.negated() ? " NOT IN (" : " IN (");
        statement(in.subquery());
        sql.append(')');
    }

    /** {@code (a || b)}. */
    protected void concat(Expression.Concat c) {
        sql.append('(');
        expression(c.left());
        sql.append(" || ");
        expression(c.right());
        sql.append(')');
    }

    /** {@code excluded.col}: the row an upsert proposed. */
    protected void excluded(Column<?> c) {
        sql.append("excluded.").append(dialect.quote(c.name()));
    }

    /** A function call. */
    protected void function(Expression.Func<?> f) {
        if (f.name().equalsIgnoreCase("current_timestamp") && f.args().isEmpty()) {
            sql.append("CURRENT_TIMESTAMP");
            return;
        }
        sql.append(functionName(f.name())).append('(');
        if (f.star()) {
            sql.append('*');
        } else {
            if (f.distinct()) {
                sql.append("DISTINCT ");
            }
            list(f.args(), this::expression);
        }
        sql.append(')');
    }

    /** The database's name for a function. */
    protected String functionName(String name) {
        return name;
    }

    private void caseExpression(Expression.Case<?> c) {
        sql.append("CASE");
        for (Expression.When<?> w : c.whens()) {
            sql.append(" WHEN ");
            expression(w.condition());
            sql.append(" THEN ");
            expression(w.value());
        }
        if (c.otherwise() != null) {
            sql.append(" ELSE ");
            expression(c.otherwise());
        }
        sql.append(" END");
    }

    /** The type name in {@code CAST(x AS type)}. */
    protected String castType(SqlType<?> type) {
        return dialect.typeName(type);
    }

    private void window(Expression.Window<?> w) {
        function(w.function());
        sql.append(" OVER (");
        int mark = sql.length();
        if (!w.partitionBy().isEmpty()) {
            sql.append("PARTITION BY ");
            list(w.partitionBy(), this::expression);
        }
        if (!w.orderBy().isEmpty()) {
            sql.append(sql.length() > mark ? " ORDER BY " : "ORDER BY ");
            list(w.orderBy(), this::orderItem);
        }
        if (w.frame() != null) {
            Frame f = w.frame();
            sql.append(sql.length() > mark ? " " : "").append(f.unit().name()).append(" BETWEEN ");
            frameBound(f.start());
            sql.append(" AND ");
            frameBound(f.end());
        }
        sql.append(')');
    }

    private void frameBound(Frame.Bound b) {
        sql.append(switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case PRECEDING -> b.offset() + " PRECEDING";
            case CURRENT_ROW -> "CURRENT ROW";
            case FOLLOWING -> b.offset() + " FOLLOWING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
        });
    }

    // --- conditions

    /** A condition. */
    protected void condition(Condition c) {
        switch (c) {
            case Condition.Comparison cmp -> {
                operand(cmp.left());
                sql.append(' ').append(cmp.op().symbol()).append(' ');
                operand(cmp.right());
            }
            case Condition.Junction j -> junction(j);
            case Condition.Not n -> {
                sql.append("NOT (");
                expression(n.operand());
                sql.append(')');
            }
            case Condition.Like l -> like(l);
            case Condition.Between b -> {
                operand(b.operand());
                sql.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
                operand(b.low());
                sql.append(" AND ");
                operand(b.high());
            }
            case Condition.InList in -> inList(in);
            case Condition.InSelect in -> inSelect(in);
            case Condition.Exists x -> {
                sql.append(x.negated() ? "NOT EXISTS (" : "EXISTS (");
                statement(x.subquery());
                sql.append(')');
            }
            case Condition.IsNull n -> {
                operand(n.operand());
                sql.append(n.negated() ? " IS NOT NULL" : " IS NULL");
            }
            case Condition.Truth t -> operand(t.operand());
            case Condition.JsonContains j -> jsonContains(j);
        }
    }

    /** {@code (json -> ?)} / {@code (json ->> ?)}, as PostgreSQL and SQLite write it. */
    protected void jsonGet(Expression.JsonGet<?> j) {
        sql.append('(');
        operand(j.json());
        sql.append(j.asText() ? " ->> " : " -> ");
        expression(j.key());
        sql.append(')');
    }

    /** {@code json @> CAST(? AS JSONB)}; only PostgreSQL has it among the three. */
    protected void jsonContains(Condition.JsonContains j) {
        throw notSupported("JSON containment (@>)");
    }

    /**
     * An operand of an operator. A condition goes in parentheses, so that {@code a = (b OR c)} keeps its meaning
     * (and {@code a = (b > c)} parses: PostgreSQL's comparison operators do not associate).
     */
    protected final void operand(Expression<?> e) {
        if (isCondition(e)) {
            sql.append('(');
            expression(e);
            sql.append(')');
        } else {
            expression(e);
        }
    }

    private static boolean isCondition(Expression<?> e) {
        return e instanceof Condition.Truth t ? isCondition(t.operand()) : e instanceof Condition;
    }

    private void junction(Condition.Junction j) {
        if (j.terms().isEmpty()) {
            sql.append(j.kind() == Condition.Junction.Kind.AND ? "1 = 1" : "1 = 0");
            return;
        }
        String op = j.kind() == Condition.Junction.Kind.AND ? " AND " : " OR ";
        boolean first = true;
        for (Condition term : j.terms()) {
            if (!first) {
                sql.append(op);
            }
            first = false;
            boolean wrap = term instanceof Condition.Junction inner && inner.terms().size() > 1;
            if (wrap) {
                sql.append('(');
            }
            expression(term);
            if (wrap) {
                sql.append(')');
            }
        }
    }

    /** {@code x [NOT] LIKE ? [ESCAPE 'c']}; case-insensitive as {@code lower(x) LIKE lower(?)}. */
    protected void like(Condition.Like l) {
        if (l.ignoreCase()) {
            sql.append("lower(");
            expression(l.operand());
            sql.append(l.negated() ? ") NOT LIKE lower(" : ") LIKE lower(");
            expression(l.pattern());
            sql.append(')');
        } else {
            operand(l.operand());
            sql.append(l.negated() ? " NOT LIKE " : " LIKE ");
            expression(l.pattern());
        }
        if (l.escape() != null) {
            sql.append(" ESCAPE ").append(dialect.literal(String.valueOf(l.escape())));
        }
    }

    private void inList(Condition.InList in) {
        if (in.values().isEmpty()) {
            // x IN () is not SQL: an empty list matches no row, and NOT IN an empty list matches every row
            sql.append(in.negated() ? "1 = 1" : "1 = 0");
            return;
        }
        operand(in.operand());
        sql.append(in.negated() ? " NOT IN (" : " IN (");
        list(in.values(), this::expression);
        sql.append(')');
    }

    // --- helpers

    /** Writes the items separated by commas. */
    protected final <T> void list(List<T> items, java.util.function.Consumer<? super T> writer) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            writer.accept(items.get(i));
        }
    }

    /** The error for a construct this database cannot express, naming both. */
    protected final NotSupportedException notSupported(String construct) {
        return dialect.unsupported(construct);
    }
}
