package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vellum.engine.Engine;
import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.IsolationLevel;
import dev.vellum.engine.Retry;
import dev.vellum.engine.Transaction;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.OperationalException;
import dev.vellum.error.StatementTimeoutException;
import dev.vellum.error.TransactionHookException;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/** Transactions scoped to a callback or a try block, hooks, and retry of transient failures, on every database. */
class EngineTransactionIT {
    private static Engine engine(TestDatabase db) {
        Engine engine = db.createEngine(EngineOptions.defaults().poolSize(2).maxOverflow(2));
        engine.useTransaction(conn -> {
            conn.execute("DROP TABLE IF EXISTS ledger");
            conn.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, note VARCHAR(40))");
        });
        return engine;
    }

    private static long rows(Engine engine) {
        return engine.inTransaction(conn -> conn.execute("SELECT COUNT(*) FROM ledger").scalar(Long.class));
    }

    @DatabaseTest
    void inTransactionCommitsOnReturnAndRollsBackOnException(TestDatabase db) {
        Engine engine = engine(db);
        long id = engine.inTransaction(conn -> {
            conn.execute("INSERT INTO ledger VALUES (1, 'kept')");
            return 1L;
        });
        assertThat(id).isEqualTo(1L);
        var boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> engine.useTransaction(conn -> {
            conn.execute("INSERT INTO ledger VALUES (2, 'undone')");
            throw boom;
        })).as("the original exception").isSameAs(boom);
        assertThat(rows(engine)).isEqualTo(1);
        assertThat(engine.poolStats().active()).isZero();
    }

    @DatabaseTest
    void checkedExceptionsPassThroughUnchanged(TestDatabase db) {
        Engine engine = engine(db);
        var io = new IOException("disk full");
        assertThatThrownBy(() -> engine.<Void, IOException>inTransaction(conn -> {
            conn.execute("INSERT INTO ledger VALUES (3, 'undone')");
            throw io;
        })).isSameAs(io);
        assertThat(rows(engine)).isZero();
    }

    @DatabaseTest
    void beginCommitsOnlyWhenAsked(TestDatabase db) {
        Engine engine = engine(db);
        try (Transaction tx = engine.begin()) {
            tx.execute("INSERT INTO ledger VALUES (1, 'abandoned')");
            assertThat(tx.isActive()).isTrue();
        }
        assertThat(rows(engine)).as("closed without commit: rolled back").isZero();
        try (Transaction tx = engine.begin()) {
            tx.execute("INSERT INTO ledger VALUES (1, 'kept')");
            tx.commit();
            assertThat(tx.isActive()).isFalse();
            assertThatThrownBy(() -> tx.execute("SELECT 1")).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("committed");
        }
        assertThat(rows(engine)).isEqualTo(1);
    }

    @DatabaseTest
    void hooksRunAfterCommitOrAfterRollbackNeverBoth(TestDatabase db) {
        Engine engine = engine(db);
        List<String> seen = new ArrayList<>();
        engine.useTransaction(conn -> {
            conn.afterCommit(() -> seen.add("commit 1"));
            conn.afterRollback(() -> seen.add("rollback 1"));
            conn.execute("INSERT INTO ledger VALUES (1, 'a')");
        });
        assertThatThrownBy(() -> engine.useTransaction(conn -> {
            conn.afterCommit(() -> seen.add("commit 2"));
            conn.afterRollback(() -> seen.add("rollback 2"));
            conn.execute("INSERT INTO ledger VALUES (1, 'duplicate')");
        })).isInstanceOf(IntegrityException.class);
        try (var conn = engine.connect()) {
            conn.afterRollback(() -> seen.add("rollback on close"));
            conn.afterCommit(() -> seen.add("never"));
            conn.execute("INSERT INTO ledger VALUES (9, 'left open')");
        }
        assertThat(seen).containsExactly("commit 1", "rollback 2", "rollback on close");
    }

    @DatabaseTest
    void aConflictBetweenConcurrentTransactionsIsRetriedToSuccess(TestDatabase db) throws Exception {
        Engine engine = db.createEngine(EngineOptions.defaults().poolSize(2).maxOverflow(0)
                .isolationLevel(IsolationLevel.SERIALIZABLE));
        engine.useTransaction(conn -> {
            conn.execute("DROP TABLE IF EXISTS counter");
            conn.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
            conn.execute("INSERT INTO counter VALUES (1, 0)");
        });
        var attempts = new AtomicInteger();
        var bothRead = new CyclicBarrier(2);
        var retry = Retry.onTransient(10).backoff(Duration.ofMillis(10), Duration.ofMillis(200));
        Runnable increment = () -> engine.useTransaction(retry, conn -> {
            int attempt = attempts.incrementAndGet();
            long n = conn.execute("SELECT n FROM counter WHERE id = 1").scalar(Long.class);
            if (attempt <= 2) {
                await(bothRead); // the first two runs overlap: both read before either writes
            }
            conn.execute("UPDATE counter SET n = ? WHERE id = 1", n + 1);
        });
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = threads.submit(increment);
            var second = threads.submit(increment);
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        }
        long n = engine.inTransaction(conn -> conn.execute("SELECT n FROM counter WHERE id = 1").scalar(Long.class));
        assertThat(n).as("both increments landed: no lost update").isEqualTo(2);
        assertThat(attempts.get()).as("the conflicting transaction ran again").isGreaterThanOrEqualTo(3);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DatabaseTest
    void aUniqueViolationIsNotRetried(TestDatabase db) {
        Engine engine = engine(db);
        engine.useTransaction(conn -> conn.execute("INSERT INTO ledger VALUES (1, 'first')"));
        var attempts = new AtomicInteger();
        assertThatThrownBy(() -> engine.useTransaction(Retry.onTransient(5), conn -> {
            attempts.incrementAndGet();
            conn.execute("INSERT INTO ledger VALUES (1, 'again')");
        })).isInstanceOf(IntegrityException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }

    @DatabaseTest
    void exhaustedRetriesThrowTheLastFailureWithTheEarlierOnesAttached(TestDatabase db) {
        Engine engine = engine(db);
        var attempts = new AtomicInteger();
        var retry = Retry.onTransient(3).backoff(Duration.ZERO, Duration.ZERO);
        assertThatThrownBy(() -> engine.useTransaction(retry, conn -> {
            attempts.incrementAndGet();
            throw new OperationalException("deadlock (simulated)",
                    new dev.vellum.error.DatabaseException.Detail("UPDATE t", "40P01", 0, true), null);
        })).isInstanceOfSatisfying(OperationalException.class, e -> {
            assertThat(e.getMessage()).contains("simulated");
            assertThat(e.getSuppressed()).hasSize(2);
        });
        assertThat(attempts.get()).isEqualTo(3);
    }

    @DatabaseTest
    void engineOptionsApplyToEveryConnection(TestDatabase db) {
        var options = EngineOptions.defaults().poolSize(1).maxOverflow(0)
                .statementTimeout(Duration.ofMillis(300));
        if (db.db() != TestDb.SQLITE) {
            options = options.isolationLevel(IsolationLevel.SERIALIZABLE);
        }
        Engine engine = db.createEngine(options);
        try (var conn = engine.connect()) {
            assertThat(conn.statementTimeout()).isEqualTo(Duration.ofMillis(300));
            assertThatThrownBy(() -> conn.execute(Schemas.slowQuery(db))).isInstanceOf(StatementTimeoutException.class);
            conn.rollback();
            String level = switch (db.db()) {
                case SQLITE -> "serializable";
                case POSTGRESQL -> conn.execute("SHOW transaction_isolation").scalar(String.class);
                case MARIADB -> conn.execute("SELECT @@tx_isolation").scalar(String.class);
            };
            assertThat(level.toLowerCase(java.util.Locale.ROOT).replace('-', ' ')).isEqualTo("serializable");
        }
    }

    @DatabaseTest
    void autocommitEnginesCommitEachStatement(TestDatabase db) {
        Engine engine = engine(db);
        Engine auto = db.createEngine(EngineOptions.defaults().isolationLevel(IsolationLevel.AUTOCOMMIT));
        try (var conn = auto.connect()) {
            assertThat(conn.isAutocommit()).isTrue();
            conn.execute("INSERT INTO ledger VALUES (5, 'auto')");
        }
        assertThat(rows(engine)).isEqualTo(1);
    }

    @DatabaseTest
    void aFailingAfterCommitHookIsReportedButNeverRetried(TestDatabase db) {
        Engine engine = engine(db);
        var attempts = new AtomicInteger();
        var busy = new OperationalException("cache server busy",
                new dev.vellum.error.DatabaseException.Detail(null, "40001", 0, true), null);
        assertThatThrownBy(() -> engine.useTransaction(Retry.onTransient(3), conn -> {
            attempts.incrementAndGet();
            conn.execute("INSERT INTO ledger VALUES (1, 'once')");
            conn.afterCommit(() -> {
                throw busy;
            });
        })).isInstanceOfSatisfying(TransactionHookException.class, e -> {
            assertThat(e.getMessage()).contains("committed");
            assertThat(e.getCause()).isSameAs(busy);
        });
        assertThat(attempts.get()).as("the commit happened: running it again would insert twice").isEqualTo(1);
        assertThat(rows(engine)).isEqualTo(1);
    }
}
