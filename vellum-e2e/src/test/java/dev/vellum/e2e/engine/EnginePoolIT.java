package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.PoolEvent;
import dev.vellum.engine.PoolListener;
import dev.vellum.engine.Vellum;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.PoolTimeoutException;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/** The engine's pool keeps SQLAlchemy's semantics on every database. */
class EnginePoolIT {
    /** Records pool events in order. */
    static final class Recorder implements PoolListener {
        final List<PoolEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onConnect(PoolEvent event) {
            events.add(event);
        }

        @Override
        public void onCheckout(PoolEvent event) {
            events.add(event);
        }

        @Override
        public void onCheckin(PoolEvent event) {
            events.add(event);
        }

        @Override
        public void onInvalidate(PoolEvent event) {
            events.add(event);
        }

        long count(PoolEvent.Kind kind) {
            return events.stream().filter(e -> e.kind() == kind).count();
        }

        List<PoolEvent> of(PoolEvent.Kind kind) {
            return events.stream().filter(e -> e.kind() == kind).toList();
        }
    }

    @DatabaseTest
    void aPooledConnectionReturnsOnClose(TestDatabase db) {
        Engine engine = db.createEngine(EngineOptions.defaults().poolSize(2).maxOverflow(0));
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute("SELECT 1").scalar()).isEqualTo(1L);
            assertThat(engine.poolStats().active()).isEqualTo(1);
        }
        var stats = engine.poolStats();
        assertThat(stats.active()).isZero();
        assertThat(stats.total()).as("HikariCP fills the idle pool in the background").isBetween(1, 2);
        assertThat(stats.idle()).isEqualTo(stats.total());
        assertThat(stats.checkouts()).isEqualTo(1);
    }

    @DatabaseTest
    void overflowGrowsUnderConcurrentLoadAndShrinksWhenItDrops(TestDatabase db) throws Exception {
        Engine engine = db.createEngine(EngineOptions.defaults().poolSize(2).maxOverflow(3));
        var recorder = new Recorder();
        engine.addPoolListener(recorder);
        var allIn = new CountDownLatch(5);
        var release = new CountDownLatch(1);
        var peak = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < 5; i++) {
                futures.add(pool.submit(() -> {
                    try (Connection conn = engine.connect()) {
                        conn.execute("SELECT 1");
                        allIn.countDown();
                        release.await();
                    }
                    return null;
                }));
            }
            assertThat(allIn.await(20, TimeUnit.SECONDS)).isTrue();
            peak.set(engine.poolStats().total());
            release.countDown();
            for (Future<?> f : futures) {
                f.get(20, TimeUnit.SECONDS);
            }
        }
        assertThat(peak.get()).as("poolSize + maxOverflow open under load").isEqualTo(5);
        var after = engine.poolStats();
        assertThat(after.total()).as("overflow closed as it came back").isEqualTo(after.idle()).isBetween(1, 2);
        assertThat(recorder.of(PoolEvent.Kind.INVALIDATE)).hasSizeBetween(3, 4)
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo("overflow"));
        // returns racing each other may close one connection too many; HikariCP then refills to poolSize
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (engine.poolStats().total() != 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(engine.poolStats().total()).isEqualTo(2);
    }

    @DatabaseTest
    void anExhaustedPoolTimesOutWithAClearError(TestDatabase db) {
        Engine engine = db.createEngine(EngineOptions.defaults().poolSize(1).maxOverflow(1)
                .poolTimeout(Duration.ofMillis(300)));
        try (Connection a = engine.connect(); Connection b = engine.connect()) {
            long start = System.nanoTime();
            assertThatThrownBy(engine::connect).isInstanceOfSatisfying(PoolTimeoutException.class, e -> {
                assertThat(e.getMessage()).contains("300 ms").contains("poolSize 1 + maxOverflow 1");
                assertThat(e.isTransient()).isTrue();
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(a.execute("SELECT 1").scalar()).isEqualTo(1L);
            assertThat(b.execute("SELECT 1").scalar()).isEqualTo(1L);
        }
    }

    @DatabaseTest
    void prePingReplacesConnectionsWhoseBackendsWereKilled(TestDatabase db) {
        assumeTrue(db.db() != TestDb.SQLITE, "SQLite is in-process: there is no backend to kill");
        String app = "vellum-preping-" + db.schema();
        var options = EngineOptions.defaults().poolSize(2).maxOverflow(0).prePing(true);
        Engine engine = db.createEngine(db.db() == TestDb.POSTGRESQL
                ? options.connectArgs(Map.of("ApplicationName", app)) : options);
        var recorder = new Recorder();
        engine.addPoolListener(recorder);
        List<Long> backends = new ArrayList<>();
        try (Connection a = engine.connect(); Connection b = engine.connect()) {
            for (Connection c : List.of(a, b)) {
                backends.add(c.execute(db.db() == TestDb.POSTGRESQL ? "SELECT pg_backend_pid()"
                        : "SELECT CONNECTION_ID()").scalar(Long.class));
            }
        }
        try (Connection killer = db.connect()) {
            if (db.db() == TestDb.POSTGRESQL) {
                long killed = killer.execute("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = ?", app).scalar(Long.class);
                assertThat(killed).as("only this engine's backends, by application_name").isEqualTo(2);
            } else {
                for (long id : backends) {
                    killer.execute("KILL CONNECTION " + id);
                }
            }
            killer.commit();
        }
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute("SELECT 42").scalar()).as("no error reaches the caller").isEqualTo(42L);
        }
        assertThat(recorder.of(PoolEvent.Kind.INVALIDATE)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.reason()).isEqualTo("pre-ping"));
    }

    @DatabaseTest
    void recycleReplacesConnectionsOlderThanTheSetting(TestDatabase db) throws Exception {
        Engine engine = db.createEngine(EngineOptions.defaults().poolSize(1).maxOverflow(0)
                .recycle(Duration.ofMillis(200)));
        var recorder = new Recorder();
        engine.addPoolListener(recorder);
        try (Connection conn = engine.connect()) {
            conn.execute("SELECT 1");
        }
        try (Connection conn = engine.connect()) {
            conn.execute("SELECT 1");
        }
        Thread.sleep(300);
        try (Connection conn = engine.connect()) {
            conn.execute("SELECT 1");
        }
        List<Long> checkedOut = recorder.of(PoolEvent.Kind.CHECKOUT).stream().map(PoolEvent::connectionId).toList();
        assertThat(checkedOut).hasSize(3);
        assertThat(checkedOut.get(1)).as("young: reused").isEqualTo(checkedOut.get(0));
        assertThat(checkedOut.get(2)).as("older than recycle: replaced").isNotEqualTo(checkedOut.get(0));
        assertThat(recorder.of(PoolEvent.Kind.INVALIDATE)).extracting(PoolEvent::reason).containsExactly("recycle");
    }

    @DatabaseTest
    void eventsAndStatsCountWhatHappened(TestDatabase db) {
        Engine engine = db.createEngine(EngineOptions.defaults().poolSize(1).maxOverflow(0).timeCheckouts(true));
        var recorder = new Recorder();
        engine.addPoolListener(recorder);
        for (int i = 0; i < 3; i++) {
            try (Connection conn = engine.connect()) {
                conn.execute("SELECT 1");
            }
        }
        assertThat(recorder.count(PoolEvent.Kind.CHECKOUT)).isEqualTo(3);
        assertThat(recorder.count(PoolEvent.Kind.CHECKIN)).isEqualTo(3);
        assertThat(recorder.of(PoolEvent.Kind.CHECKOUT)).extracting(PoolEvent::connectionId).containsOnly(1L);
        var stats = engine.poolStats();
        assertThat(stats.checkouts()).isEqualTo(3);
        assertThat(stats.total()).isEqualTo(1);
        assertThat(stats.pending()).isZero();
        assertThat(stats.totalWait()).isPositive();
        assertThat(stats.maxWait()).isPositive().isLessThanOrEqualTo(stats.totalWait());
    }

    @DatabaseTest
    void aClosedEngineRefusesCheckouts(TestDatabase db) {
        Engine engine = db.createEngine();
        engine.close();
        assertThatThrownBy(engine::connect).isInstanceOf(InterfaceException.class).hasMessageContaining("closed");
    }

    @org.junit.jupiter.api.Test
    void aMemoryEngineSharesOneDatabase() {
        try (Engine engine = Vellum.createEngine("sqlite://")) {
            engine.useTransaction(conn -> conn.execute("CREATE TABLE shared (x INTEGER)"));
            engine.useTransaction(conn -> conn.execute("INSERT INTO shared VALUES (1)"));
            Object count = engine.inTransaction(conn -> conn.execute("SELECT COUNT(*) FROM shared").scalar());
            assertThat(count).isEqualTo(1L);
            assertThat(engine.poolStats().total()).isEqualTo(1);
        }
    }
}
