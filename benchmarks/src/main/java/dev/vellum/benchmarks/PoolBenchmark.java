package dev.vellum.benchmarks;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import dev.vellum.engine.Engine;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Pool checkout and return, one thread, no statement: Vellum's engine against the bare HikariCP pool. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PoolBenchmark {
    @Param({"sqlite", "postgresql", "mariadb"})
    public String db;

    private Fixture fixture;
    private Engine engine;
    private HikariDataSource raw;

    /** Opens the engine and the raw pool. */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.open(db);
        engine = fixture.engine();
        raw = fixture.rawPool(Map.of());
    }

    /** Closes both pools. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        fixture.close();
    }

    /** Vellum: {@code engine.connect().close()}. */
    @Benchmark
    public void vellum() {
        engine.connect().close();
    }

    /** Bare HikariCP: {@code getConnection().close()}. */
    @Benchmark
    public void raw() throws SQLException {
        raw.getConnection().close();
    }
}
