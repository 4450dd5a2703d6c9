package dev.vellum.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.vellum.dialect.Compiled;
import dev.vellum.dialect.Dialect;
import dev.vellum.dialect.Dialects;
import dev.vellum.dialect.mariadb.MariaDbDialect;
import dev.vellum.dialect.postgres.PostgresDialect;
import dev.vellum.dialect.sqlite.SqliteDialect;
import dev.vellum.sql.ast.Select;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling a Core select (three joins, WHERE, ORDER BY, LIMIT: {@link CoreTables#blogQuery}) to SQL plus binds,
 * per dialect, no database. Every call takes a statement whose bound values differ from the previous call's, as
 * an application's would:
 * <ul>
 *   <li>{@code ast}: building the statement alone (the {@code select(...).from(...)...} chain);</li>
 *   <li>{@code compileCached}: compiling a prebuilt statement on the one dialect instance the engine uses, whose
 *       cache holds the shape: a hit walks the statement for its values;</li>
 *   <li>{@code compileUncached}: compiling a prebuilt statement on a new dialect instance, whose cache is empty:
 *       the full compile (the new instance costs one empty {@code ConcurrentHashMap});</li>
 *   <li>{@code astAndCompile}: both, which is what {@code conn.execute(select(...))} pays before JDBC.</li>
 * </ul>
 * The prebuilt statements ({@value #VARIANTS} of them, cycled) are built outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CompileBenchmark {
    static final int VARIANTS = 1_024;
    private static final String[] CATEGORIES = {"news", "howto", "review", "opinion", "release", "event", "misc"};

    /** Only picks the dialect: nothing here touches a database. */
    @Param({"sqlite", "postgresql", "mariadb"})
    public String db;

    private final Select[] statements = new Select[VARIANTS];
    private Dialect dialect;
    private Supplier<Dialect> fresh;
    private int next;

    /** Picks the dialect, builds the statements and checks that both compile paths give the same SQL. */
    @Setup(Level.Trial)
    public void setUp() {
        dialect = Dialects.forName(db);
        fresh = switch (db) {
            case "sqlite" -> SqliteDialect::new;
            case "postgresql" -> PostgresDialect::new;
            case "mariadb" -> MariaDbDialect::new;
            default -> throw new IllegalArgumentException("unknown database " + db);
        };
        for (int i = 0; i < VARIANTS; i++) {
            statements[i] = query(i);
        }
        Compiled cached = dialect.compile(statements[1]);
        Compiled full = fresh.get().compile(statements[1]);
        if (!cached.sql().equals(full.sql()) || !cached.params().equals(full.params())
                || !dialect.compile(statements[2]).sql().equals(full.sql())) {
            throw new IllegalStateException("the cached and the full compile differ: " + cached + " / " + full);
        }
    }

    private static Select query(int i) {
        return CoreTables.blogQuery(18 + i % 50, CATEGORIES[i % CATEGORIES.length], 10 + i % 90);
    }

    private int nextIndex() {
        next = (next + 1) & (VARIANTS - 1);
        return next;
    }

    /** Building the statement. */
    @Benchmark
    public Select ast() {
        return query(nextIndex());
    }

    /** Compiling a prebuilt statement whose shape the dialect has cached. */
    @Benchmark
    public Compiled compileCached() {
        return dialect.compile(statements[nextIndex()]);
    }

    /** Compiling a prebuilt statement on a new dialect: nothing cached. */
    @Benchmark
    public Compiled compileUncached() {
        return fresh.get().compile(statements[nextIndex()]);
    }

    /** Building the statement and compiling it, cached. */
    @Benchmark
    public Compiled astAndCompile() {
        return dialect.compile(query(nextIndex()));
    }
}
