package dev.vellum.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
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
 * Primary-key lookup latency on a 10,000-row table, one row mapped to a record, connection borrowed and returned
 * per call. Ids cycle through 1..10,000 in the same order for both variants. Report p50 (SampleTime).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LookupBenchmark {
    static final String SQL = "SELECT id, name, email, age FROM " + Fixture.USERS + " WHERE id = ?";

    @Param({"sqlite", "postgresql", "mariadb"})
    public String db;

    private Fixture fixture;
    private Engine engine;
    private HikariDataSource raw;
    private int next;

    /** Creates and fills the table, opens the engine and the raw pool. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = Fixture.open(db);
        fixture.createUsers(fixture.admin(), Fixture.USERS);
        engine = fixture.engine();
        raw = fixture.rawPool(Map.of());
    }

    /** Closes everything and drops the table. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        fixture.close();
    }

    private int nextId() {
        next = next % Fixture.ROWS + 1;
        return next;
    }

    /** Vellum: {@code engine.connect()}, {@code execute}, {@code one(User.class)}, close. */
    @Benchmark
    public User vellum() {
        try (Connection c = engine.connect()) {
            return c.execute(SQL, nextId()).one(User.class);
        }
    }

    /** Raw JDBC: borrow, prepare, bind, execute, map by hand, close. */
    @Benchmark
    public User raw() throws SQLException {
        try (java.sql.Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setInt(1, nextId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row");
                }
                return new User(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4));
            }
        }
    }
}
