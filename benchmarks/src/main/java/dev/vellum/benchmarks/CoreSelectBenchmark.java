package dev.vellum.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

import static dev.vellum.sql.Sql.select;

/**
 * {@link SelectBenchmark} written in Core: all 10,000 rows of {@code bench_users} as {@code List<User>}, the
 * statement built with {@code select(U.id, U.name, U.email, U.age)} on every call, connection borrowed and returned
 * per call. The raw side is {@link SelectBenchmark}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CoreSelectBenchmark {
    private static final CoreTables.Users U = CoreTables.USERS;

    @Param({"sqlite", "postgresql", "mariadb"})
    public String db;

    private Fixture fixture;
    private Engine engine;
    private HikariDataSource raw;

    /** Creates and fills the table, opens the engine and the raw pool. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = Fixture.open(db);
        fixture.createUsers(fixture.admin(), Fixture.USERS);
        engine = fixture.engine();
        raw = fixture.rawPool(Map.of());
        List<User> core = vellum();
        if (core.size() != Fixture.ROWS || !new HashSet<>(core).equals(new HashSet<>(raw()))) {
            throw new IllegalStateException("the variants read different rows");
        }
    }

    /** Closes everything and drops the table. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        fixture.close();
    }

    /** Core: {@code execute(select(U.id, U.name, U.email, U.age)).all(User.class)}. */
    @Benchmark
    public List<User> vellum() {
        try (Connection c = engine.connect()) {
            return c.execute(select(U.id, U.name, U.email, U.age)).all(User.class);
        }
    }

    /** Raw JDBC, as in {@link SelectBenchmark#raw()}: a {@code ResultSet} loop building the same records. */
    @Benchmark
    public List<User> raw() throws SQLException {
        try (java.sql.Connection c = raw.getConnection();
             PreparedStatement ps = c.prepareStatement(SelectBenchmark.SQL); ResultSet rs = ps.executeQuery()) {
            var users = new ArrayList<User>();
            while (rs.next()) {
                users.add(new User(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
            }
            return users;
        }
    }
}
