package dev.vellum.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
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
 * {@link LookupBenchmark} written in Core: the primary-key lookup built as {@code select(...).where(id.eq(id))}
 * on every call, compiled (a cache hit after the first call) and run, one row mapped to a record, connection
 * borrowed and returned per call. Same table, pools and id order as {@link LookupBenchmark}; the raw side is its
 * raw side. Report p50 (SampleTime).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CoreLookupBenchmark {
    private static final CoreTables.Users U = CoreTables.USERS;

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
        var expected = User.of(42);
        for (int variant = 0; variant < 3; variant++) {
            next = 41;
            User got = variant == 0 ? vellum() : variant == 1 ? vellumRow() : raw();
            if (!expected.equals(got)) {
                throw new IllegalStateException("variant " + variant + " read " + got + ", not " + expected);
            }
        }
        next = 0;
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

    /** Core: {@code execute(select(U.id, ...).where(U.id.eq(id))).one(User.class)}. */
    @Benchmark
    public User vellum() {
        try (Connection c = engine.connect()) {
            return c.execute(select(U.id, U.name, U.email, U.age).where(U.id.eq(nextId()))).one(User.class);
        }
    }

    /** Core, typed row access: {@code one()}, then {@code row.get(U.id)} and so on into the record. */
    @Benchmark
    public User vellumRow() {
        try (Connection c = engine.connect()) {
            Row row = c.execute(select(U.id, U.name, U.email, U.age).where(U.id.eq(nextId()))).one();
            return new User(row.get(U.id), row.get(U.name), row.get(U.email), row.get(U.age));
        }
    }

    /** Raw JDBC, as in {@link LookupBenchmark#raw()}: borrow, prepare, bind, execute, map by hand, close. */
    @Benchmark
    public User raw() throws SQLException {
        try (java.sql.Connection c = raw.getConnection();
             PreparedStatement ps = c.prepareStatement(LookupBenchmark.SQL)) {
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
