package dev.vellum.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
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
 * The driver-specific raw insert variants of {@link InsertBenchmark}, same protocol, one database each: on
 * PostgreSQL {@code COPY ... FROM STDIN} through pgjdbc's CopyManager (the ceiling, not a baseline); on MariaDB
 * {@code addBatch} with {@code rewriteBatchedStatements=true} (bulk off, so the rewrite path runs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InsertExtraBenchmark extends InsertState {
    static final String COPY = "COPY " + Fixture.INSERTS + " (id, name, email, age) FROM STDIN";

    @Param({"postgresql", "mariadb"})
    public String db;

    private HikariDataSource pool;

    /** Creates the table and builds the rows; opens the raw pool. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        open(db);
        pool = fixture.rawPool(switch (fixture.backend()) {
            case MARIADB -> Map.of("rewriteBatchedStatements", "true", "useBulkStmts", "false");
            case POSTGRESQL, SQLITE -> Map.of();
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

    /** PostgreSQL: COPY in text format (the ceiling); MariaDB: {@code rewriteBatchedStatements} batch. */
    @Benchmark
    public long driverSpecific() throws SQLException, IOException {
        try (java.sql.Connection c = pool.getConnection()) {
            if (!"postgresql".equals(db)) {
                batch(c);
                return Fixture.ROWS;
            }
            var text = new StringBuilder(Fixture.ROWS * 48);
            for (User u : users) {
                text.append(u.id()).append('\t').append(u.name()).append('\t').append(u.email()).append('\t')
                        .append(u.age()).append('\n');
            }
            long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text.toString()));
            c.commit();
            return n;
        }
    }
}
