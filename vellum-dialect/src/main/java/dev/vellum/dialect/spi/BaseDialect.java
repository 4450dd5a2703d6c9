package dev.vellum.dialect.spi;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vellum.dialect.Compiled;
import dev.vellum.dialect.Dialect;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.NotSupportedException;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.ast.CompoundSelect;
import dev.vellum.sql.ast.CreateIndex;
import dev.vellum.sql.ast.CreateTable;
import dev.vellum.sql.ast.Delete;
import dev.vellum.sql.ast.DropIndex;
import dev.vellum.sql.ast.DropTable;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.Insert;
import dev.vellum.sql.ast.Select;
import dev.vellum.sql.ast.Statement;
import dev.vellum.sql.ast.Text;
import dev.vellum.sql.ast.Update;

/**
 * The part every dialect shares: the compiled-SQL cache, identifier quoting and literal spelling. A dialect
 * supplies its compilers and type names.
 *
 * <p><b>The cache.</b> Statements are keyed by shape: AST equality leaves bound values out, so {@code AGE.gt(18)}
 * and {@code AGE.gt(21)} share an entry. An entry holds the SQL and, per placeholder, the position of its value in
 * {@link BindOrder}'s walk; a hit walks the new statement for its values instead of compiling. A statement in which
 * one bind object occurs twice is compiled every time (its places could hold different objects in another
 * statement of the same shape). The cache holds at most {@value #CACHE_LIMIT} shapes and is emptied when full.
 *
 * @since 0.1
 */
public abstract class BaseDialect implements Dialect {
    static final int CACHE_LIMIT = 2_000;

    private final Map<Statement, Template> cache = new ConcurrentHashMap<>();
    private final String name;
    private final String displayName;
    private final char quote;
    private final int maxBindParameters;
    private final boolean updateReturning;

    /**
     * @param name              the dialect name ({@code postgresql})
     * @param displayName       the database's name in messages ({@code PostgreSQL})
     * @param quote             the identifier quote character
     * @param maxBindParameters the most bind parameters one statement may carry
     * @param updateReturning   whether {@code UPDATE ... RETURNING} works
     */
    protected BaseDialect(String name, String displayName, char quote, int maxBindParameters,
                          boolean updateReturning) {
        this.name = name;
        this.displayName = displayName;
        this.quote = quote;
        this.maxBindParameters = maxBindParameters;
        this.updateReturning = updateReturning;
    }

    @Override
    public final int maxBindParameters() {
        return maxBindParameters;
    }

    @Override
    public final boolean supportsUpdateReturning() {
        return updateReturning;
    }

    /** The error for a construct or type this database cannot express, naming both. */
    protected final NotSupportedException unsupported(String what) {
        return new NotSupportedException(displayName + " cannot express " + what, DatabaseException.Detail.of(null),
                null);
    }

    @Override
    public final String name() {
        return name;
    }

    /** The database's name in messages. */
    public final String displayName() {
        return displayName;
    }

    /** A new compiler for one query or DML statement. */
    protected abstract SqlCompiler sqlCompiler();

    /** A new compiler for one DDL statement. */
    protected abstract DdlCompiler ddlCompiler();

    /** The type's name in DDL. */
    public abstract String typeName(SqlType<?> type);

    @Override
    public final Compiled compile(Statement statement) {
        if (statement == null) {
            throw new InterfaceException("the statement must not be null");
        }
        return switch (statement) {
            case Select s -> cached(s);
            case CompoundSelect c -> cached(c);
            case Insert i -> cached(i);
            case Update u -> cached(u);
            case Delete d -> cached(d);
            case CreateTable c -> ddl(ddlCompiler().createTable(c));
            case DropTable d -> ddl(ddlCompiler().dropTable(d));
            case CreateIndex c -> ddl(ddlCompiler().createIndex(c));
            case DropIndex d -> ddl(ddlCompiler().dropIndex(d));
            case Text t -> throw new InterfaceException("text() statements run through the engine, not a dialect");
        };
    }

    private static Compiled ddl(String sql) {
        return new Compiled(sql, List.of(), List.of(), List.of());
    }

    private Compiled cached(Statement statement) {
        Template template = cache.get(statement);
        BindOrder order = BindOrder.of(statement, template == null);
        if (template == null) {
            template = compileTemplate(statement, order);
            if (!order.sharesBinds()) {
                if (cache.size() >= CACHE_LIMIT) {
                    cache.clear();
                }
                cache.put(statement, template);
            }
        }
        return template.bind(order.binds());
    }

    private Template compileTemplate(Statement statement, BindOrder order) {
        SqlCompiler compiler = sqlCompiler();
        String sql = compiler.compile(statement);
        Map<Expression.Bind<?>, Integer> positions = new IdentityHashMap<>();
        List<Expression.Bind<?>> walked = order.binds();
        for (int i = 0; i < walked.size(); i++) {
            positions.putIfAbsent(walked.get(i), i);
        }
        List<Expression.Bind<?>> emitted = compiler.binds();
        int[] slots = new int[emitted.size()];
        for (int i = 0; i < slots.length; i++) {
            Integer at = positions.get(emitted.get(i));
            if (at == null) {
                throw new IllegalStateException("the compiler wrote a bind the AST walk does not reach: " + sql);
            }
            slots[i] = at;
        }
        return new Template(sql, slots, selected(statement));
    }

    private static List<Expression<?>> selected(Statement statement) {
        return switch (statement) {
            case Select s -> s.selected();
            case CompoundSelect c -> c.selected();
            case Insert i -> i.returning();
            case Update u -> u.returning();
            case Delete d -> d.returning();
            default -> List.of();
        };
    }

    /** Cache entries per shape, for tests and benchmarks. */
    public final int cachedShapes() {
        return cache.size();
    }

    // --- identifiers and literals

    @Override
    public String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new InterfaceException("an identifier must not be empty");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new InterfaceException("an identifier cannot contain a NUL character: " + identifier.replace("\0",
                    "\\0"));
        }
        if (isPlain(identifier) && !Keywords.isReserved(identifier)) {
            return identifier;
        }
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
    }

    /** Lower-case letters, digits and underscores, not starting with a digit: safe unquoted everywhere. */
    private static boolean isPlain(String identifier) {
        char first = identifier.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first == '_')) {
            return false;
        }
        for (int i = 1; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** A value spelled as an SQL literal, for DDL defaults and CHECK conditions, where binds are not allowed. */
    public String literal(Object value) {
        return switch (value) {
            case null -> "NULL";
            case BigDecimal d -> d.toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b ? "TRUE" : "FALSE";
            case String s -> quoteString(s);
            case LocalDateTime t -> quoteString(t.toString().replace('T', ' '));
            case Temporal t -> quoteString(t.toString());
            case java.util.UUID u -> quoteString(u.toString());
            case byte[] b -> "X'" + HexFormat.of().formatHex(b) + "'";
            default -> throw new InterfaceException("no SQL literal for a " + value.getClass().getName());
        };
    }

    /** A string literal: quotes doubled. */
    protected String quoteString(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new InterfaceException("a literal cannot contain a NUL character");
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * One compiled shape: the SQL, where each placeholder's value sits in the bind walk, and the result columns.
     */
    private record Template(String sql, int[] slots, List<Expression<?>> selected) {
        Compiled bind(List<Expression.Bind<?>> walked) {
            var params = new ArrayList<Object>(slots.length);
            var types = new ArrayList<SqlType<?>>(slots.length);
            for (int slot : slots) {
                Expression.Bind<?> b = walked.get(slot);
                params.add(b.type().toDatabase(b.value()));
                types.add(b.type().storage());
            }
            return new Compiled(sql, params, types, selected);
        }
    }
}
