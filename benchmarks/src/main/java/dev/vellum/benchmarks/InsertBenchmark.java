package dev.vellum.benchmarks;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import dev.vellum.engine.Backend;
import dev.vellum.engine.Connection;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Insert 10,000 rows {@code (id, name, email, age)}, no keys returned, and commit: Vellum's {@code executeMany}
 * against raw JDBC batches with the driver's rewrite or bulk option off and on, and a hand-built multi-row
 * VALUES in 1,000-row chunks. The table is emptied before every call, outside the measurement (see
 * {@link InsertState}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InsertBenchmark extends InsertState {
    @Param({"sqlite", "postgresql", "mariadb"})
    public String db;

    private Engine engine;
    private HikariDataSource driverPool;
    private HikariDataSource plainPool;

    /** Creates the table and builds the rows; opens the engine and the raw pools. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(db);
        engine = fixture.engine();
        driverPool = fixture.rawPool(switch (fixture.backend()) {
            case POSTGRESQL -> Map.of("reWriteBatchedInserts", "true");
            case MARIADB -> Map.of("useBulkStmts", "true");
            case SQLITE -> Map.of(); // sqlite-jdbc has no batch rewrite: the same as batchPlain
        });
        plainPool = fixture.backend() == Backend.SQLITE ? driverPool : fixture.rawPool(switch (fixture.backend()) {
            case POSTGRESQL -> Map.of("reWriteBatchedInserts", "false");
            case MARIADB -> Map.of("useBulkStmts", "false");
            case SQLITE -> Map.of();
        });
    }

    /** Empties the table before each call (not measured). */
    @Setup(Level.Invocation)
    public void emptyTable() throws SQLException {
        empty();
    }

    /** Checks the last call's rows. */
    @TearDown(Level.Iteration)
    public void checkRows() throws SQLException {
        check();
    }

    /** Closes everything and drops the table. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        fixture.close();
    }

    /** Vellum: {@code executeMany(sql, rows)}, commit. */
    @Benchmark
    public long vellum() {
        try (Connection c = engine.connect()) {
            long n = c.executeMany(SQL, rows);
            c.commit();
            return n;
        }
    }

    /** Raw {@code addBatch}/{@code executeBatch} without the driver's rewrite or bulk option. */
    @Benchmark
    public void batchPlain() throws SQLException {
        try (java.sql.Connection c = plainPool.getConnection()) {
            batch(c);
        }
    }

    /** Raw {@code addBatch}/{@code executeBatch} with the driver's rewrite (pgjdbc) or bulk (MariaDB) option. */
    @Benchmark
    public void batchDriver() throws SQLException {
        try (java.sql.Connection c = driverPool.getConnection()) {
            batch(c);
        }
    }

    /** Raw hand-built multi-row VALUES, 1,000 rows a statement, on the engine's driver settings. */
    @Benchmark
    public void multiValues() throws SQLException {
        try (java.sql.Connection c = driverPool.getConnection()) {
            multiValues(c);
        }
    }
}
