package dev.vellum.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import dev.vellum.engine.Connection;
import dev.vellum.engine.CopyIn;
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
import org.postgresql.PGConnection;

/**
 * PostgreSQL COPY of 10,000 rows: Vellum's typed {@code conn.copyIn(table, columns)} against pgjdbc's
 * CopyManager given a text payload built in the call from the same prebuilt rows, both committed. Same protocol
 * as {@link InsertBenchmark}: the table is emptied before each call, outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CopyBenchmark extends InsertState {
    @Param({"postgresql"})
    public String db;

    private Engine engine;
    private HikariDataSource pool;

    /** Creates the table and builds the rows; opens the engine and the raw pool. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(db);
        engine = fixture.engine();
        pool = fixture.rawPool(Map.of());
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

    /** Vellum: {@code copyIn} with one typed {@code writeRow} per row, then commit. */
    @Benchmark
    public long vellum() {
        var t = CoreTables.INSERTS;
        try (Connection conn = engine.connect()) {
            CopyIn copy = conn.copyIn(t, t.id, t.name, t.email, t.age);
            try {
                for (User u : users) {
                    copy.writeRow(u.id(), u.name(), u.email(), u.age());
                }
            } catch (RuntimeException e) {
                copy.cancel();
                throw e;
            }
            copy.close();
            conn.commit();
            return copy.rowCount();
        }
    }

    /** Raw: the text payload built per call, then CopyManager.copyIn and commit. */
    @Benchmark
    public long copyManager() throws SQLException, IOException {
        try (java.sql.Connection c = pool.getConnection()) {
            var text = new StringBuilder(Fixture.ROWS * 48);
            for (User u : users) {
                text.append(u.id()).append('\t').append(u.name()).append('\t').append(u.email()).append('\t')
                        .append(u.age()).append('\n');
            }
            long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn(InsertExtraBenchmark.COPY,
                    new StringReader(text.toString()));
            c.commit();
            return n;
        }
    }
}
