package dev.vellum.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.zaxxer.hikari.HikariDataSource;
import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Session;
import org.hibernate.SessionFactory;
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
 * The ORM load: all 10,000 rows of {@code bench_orm_users} ({@link User#of(int) User.of(1..10,000)}) as entities,
 * in a new session each call, as {@code List<BenchUser>}:
 * <ul>
 *   <li>{@code vellum}: {@code orm.session()}, {@code select(BenchUser.class).all()}, close;</li>
 *   <li>{@code hibernate}: {@code openSession()}, {@code createSelectionQuery("from BenchUser", BenchUser.class)
 *       .getResultList()}, close (Hibernate 7.4, see {@link HibernatePeer});</li>
 *   <li>{@code rawJdbc}: borrow, prepare {@code SELECT id, name, email, age FROM bench_orm_users}, a
 *       {@code ResultSet} loop building the same objects with their constructor, close;</li>
 *   <li>{@code vellumCoreRecords}, for reference (no entities, no session): {@code engine.connect()},
 *       {@code execute(sql).all(User.class)}, as {@link SelectBenchmark#vellum()}.</li>
 * </ul>
 * The ORMs put every object in their session's identity map and keep what change tracking needs; the raw loop does
 * neither. Sessions and connections are closed (their transactions rolled back) inside the measurement. Setup
 * checks that every variant reads the same 10,000 rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OrmLoadBenchmark {
    static final String SQL = "SELECT id, name, email, age FROM " + BenchUser.TABLE;

    @Param({"sqlite", "postgresql"})
    public String db;

    private Fixture fixture;
    private Engine engine;
    private Orm orm;
    private SessionFactory hibernate;
    private HikariDataSource raw;

    /** Creates and fills the table, opens the engine, the ORMs and the raw pool; checks what each variant reads. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = Fixture.open(db);
        fixture.createUsers(fixture.admin(), BenchUser.TABLE);
        engine = fixture.engine();
        orm = Orm.create(engine, BenchUser.class);
        raw = fixture.rawPool(Map.of());
        hibernate = HibernatePeer.open(fixture, raw, BenchUser.class);
        var expected = new HashSet<User>();
        for (int i = 1; i <= Fixture.ROWS; i++) {
            expected.add(User.of(i));
        }
        check("vellum", expected, vellum(), BenchUser::toUser);
        check("hibernate", expected, hibernate(), BenchUser::toUser);
        check("rawJdbc", expected, rawJdbc(), BenchUser::toUser);
        check("vellumCoreRecords", expected, vellumCoreRecords(), Function.identity());
    }

    private static <T> void check(String variant, Set<User> expected, List<T> got, Function<T, User> toUser) {
        if (got.size() != expected.size() || !expected.equals(new HashSet<>(got.stream().map(toUser).toList()))) {
            throw new IllegalStateException(variant + " read other rows than the table holds");
        }
    }

    /** Closes Hibernate, then everything else, and drops the table. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (hibernate != null) {
            hibernate.close();
        }
        fixture.close();
    }

    /** Vellum ORM: {@code select(BenchUser.class).all()} in a new session. */
    @Benchmark
    public List<BenchUser> vellum() {
        try (Session session = orm.session()) {
            return session.select(BenchUser.class).all();
        }
    }

    /** Hibernate: {@code createSelectionQuery("from BenchUser", BenchUser.class).getResultList()} in a new session. */
    @Benchmark
    public List<BenchUser> hibernate() {
        try (org.hibernate.Session session = hibernate.openSession()) {
            return session.createSelectionQuery("from BenchUser", BenchUser.class).getResultList();
        }
    }

    /** Raw JDBC: a {@code ResultSet} loop building the objects. */
    @Benchmark
    public List<BenchUser> rawJdbc() throws SQLException {
        try (java.sql.Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(SQL);
             ResultSet rs = ps.executeQuery()) {
            var users = new ArrayList<BenchUser>();
            while (rs.next()) {
                users.add(new BenchUser(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
            }
            return users;
        }
    }

    /** Vellum Core, for reference: {@code execute(sql).all(User.class)}, records and no session. */
    @Benchmark
    public List<User> vellumCoreRecords() {
        try (Connection c = engine.connect()) {
            return c.execute(SQL).all(User.class);
        }
    }
}
