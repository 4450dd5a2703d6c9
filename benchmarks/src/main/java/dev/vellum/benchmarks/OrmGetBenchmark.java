package dev.vellum.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
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
 * The ORM get by primary key: one {@link BenchUser} of the 10,000 in {@code bench_orm_users}, in a new session each
 * call (so never from an identity map):
 * <ul>
 *   <li>{@code vellum}: {@code orm.session()}, {@code get(BenchUser.class, id)}, close;</li>
 *   <li>{@code hibernate}: {@code openSession()}, {@code find(BenchUser.class, id)} (JPA's name for Hibernate's
 *       {@code get}), close;</li>
 *   <li>{@code rawJdbc}: borrow, prepare {@code SELECT id, name, email, age FROM bench_orm_users WHERE id = ?},
 *       bind, one row into the object with its constructor, close.</li>
 * </ul>
 * Ids come from the same seeded pseudo-random sequence in every variant's trial. Report p50 (SampleTime), as
 * {@link CoreLookupBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OrmGetBenchmark {
    static final String SQL = "SELECT id, name, email, age FROM " + BenchUser.TABLE + " WHERE id = ?";
    private static final int[] IDS = new SplittableRandom(20_240_601).ints(1 << 16, 1, Fixture.ROWS + 1).toArray();

    @Param({"sqlite", "postgresql"})
    public String db;

    private Fixture fixture;
    private Orm orm;
    private SessionFactory hibernate;
    private HikariDataSource raw;
    private int next;

    /** Creates and fills the table, opens the engine, the ORMs and the raw pool; checks what each variant reads. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = Fixture.open(db);
        fixture.createUsers(fixture.admin(), BenchUser.TABLE);
        orm = Orm.create(fixture.engine(), BenchUser.class);
        raw = fixture.rawPool(Map.of());
        hibernate = HibernatePeer.open(fixture, raw, BenchUser.class);
        for (int variant = 0; variant < 3; variant++) {
            next = 0;
            User expected = User.of(IDS[0]);
            BenchUser got = variant == 0 ? vellum() : variant == 1 ? hibernate() : rawJdbc();
            if (got == null || !expected.equals(got.toUser())) {
                throw new IllegalStateException("variant " + variant + " read " + (got == null ? null : got.toUser())
                        + ", not " + expected);
            }
        }
        next = 0;
    }

    /** Closes Hibernate, then everything else, and drops the table. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (hibernate != null) {
            hibernate.close();
        }
        fixture.close();
    }

    private Integer nextId() {
        int id = IDS[next];
        next = (next + 1) & (IDS.length - 1);
        return id;
    }

    /** Vellum ORM: {@code get(BenchUser.class, id)} in a new session. */
    @Benchmark
    public BenchUser vellum() {
        try (Session session = orm.session()) {
            return session.get(BenchUser.class, nextId());
        }
    }

    /** Hibernate: {@code find(BenchUser.class, id)} in a new session. */
    @Benchmark
    public BenchUser hibernate() {
        try (org.hibernate.Session session = hibernate.openSession()) {
            return session.find(BenchUser.class, nextId());
        }
    }

    /** Raw JDBC: borrow, prepare, bind, execute, one row into the object, close. */
    @Benchmark
    public BenchUser rawJdbc() throws SQLException {
        try (java.sql.Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setInt(1, nextId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row");
                }
                return new BenchUser(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4));
            }
        }
    }
}
