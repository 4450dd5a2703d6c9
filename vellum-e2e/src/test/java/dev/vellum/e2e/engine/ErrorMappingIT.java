package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Vellum;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.OperationalException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/** Driver errors land in the same place of the exception tree on every database, with SQL and cause. */
class ErrorMappingIT {
    @DatabaseTest
    void constraintViolationsAreIntegrityErrors(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY, email VARCHAR(50) NOT NULL UNIQUE)");
            conn.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id))");
            conn.execute("INSERT INTO parent VALUES (?, ?)", 1, "a@example.com");
            conn.commit();
            String dup = "INSERT INTO parent VALUES (?, ?)";
            assertThatThrownBy(() -> conn.execute(dup, 2, "a@example.com"))
                    .isInstanceOfSatisfying(IntegrityException.class, e -> {
                        assertThat(e.sql()).isEqualTo(dup);
                        assertThat(e.getMessage()).contains("[SQL: " + dup + "]");
                        assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
                        assertThat(e.isTransient()).isFalse();
                    });
            rollbackAndExpect(conn, () -> conn.execute(dup, 3, null), IntegrityException.class);
            rollbackAndExpect(conn, () -> conn.execute("INSERT INTO child VALUES (?, ?)", 1, 99), IntegrityException.class);
            conn.rollback();
        }
    }

    private static void rollbackAndExpect(Connection conn, Runnable statement, Class<? extends Throwable> type) {
        conn.rollback();
        assertThatThrownBy(statement::run).isInstanceOf(type);
    }

    @DatabaseTest
    void syntaxAndUnknownNamesAreProgrammingErrors(TestDatabase db) {
        try (var conn = db.connect()) {
            assertThatThrownBy(() -> conn.execute("SELEC 1")).isInstanceOf(ProgrammingException.class)
                    .hasMessageContaining("SELEC 1");
            conn.rollback();
            assertThatThrownBy(() -> conn.execute("SELECT * FROM no_such_table"))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining("no_such_table");
            conn.rollback();
            conn.execute("CREATE TABLE known (id INTEGER)");
            assertThatThrownBy(() -> conn.execute("SELECT no_such_column FROM known"))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining("no_such_column");
            conn.rollback();
        }
    }

    @DatabaseTest
    void useAfterCloseIsAnInterfaceError(TestDatabase db) {
        var conn = db.connect();
        var open = conn.execute("SELECT 1 UNION ALL SELECT 2");
        conn.close();
        conn.close(); // idempotent
        assertThat(conn.isClosed()).isTrue();
        assertThatThrownBy(() -> conn.execute("SELECT 1")).isInstanceOf(InterfaceException.class)
                .hasMessageContaining("connection is closed");
        assertThatThrownBy(conn::commit).isInstanceOf(InterfaceException.class);
        assertThatThrownBy(open::all).isInstanceOf(InterfaceException.class).hasMessageContaining("closed");
    }

    @DatabaseTest
    void aRefusedConnectionIsOperationalAndNamesHostAndPort(TestDatabase db) {
        if (db.db() == TestDb.SQLITE) {
            assertThatThrownBy(() -> Vellum.connect("sqlite:////nonexistent-dir/sub/x.db"))
                    .isInstanceOf(OperationalException.class).hasMessageContaining("/nonexistent-dir/sub/x.db");
            return;
        }
        String url = db.db().id() + "://nobody:secret@127.0.0.1:1/test";
        assertThatThrownBy(() -> Vellum.connect(url))
                .isInstanceOfSatisfying(OperationalException.class, e -> {
                    assertThat(e.getMessage()).contains("127.0.0.1:1").doesNotContain("secret");
                    assertThat(e.isTransient()).isTrue();
                });
    }

    @Test
    void unknownSchemesAndMissingDriversAreInterfaceErrors() {
        assertThatThrownBy(() -> Vellum.connect("oracle://scott:tiger@host/db"))
                .isInstanceOf(InterfaceException.class).hasMessageContaining("unknown database 'oracle'");
        assertThatThrownBy(() -> Vellum.connect("not a url")).isInstanceOf(InterfaceException.class)
                .hasMessageContaining("not a database URL");
    }

    @DatabaseTest
    void aLostConnectionIsTransient(TestDatabase db) {
        assumeTrue(db.db() != TestDb.SQLITE, "SQLite is embedded: there is no connection to lose");
        try (var victim = db.connect(); var killer = db.connect()) {
            if (db.db() == TestDb.POSTGRESQL) {
                long pid = victim.execute("SELECT pg_backend_pid()").scalar(Long.class);
                killer.execute("SELECT pg_terminate_backend(?)", (int) pid);
            } else {
                long id = victim.execute("SELECT CONNECTION_ID()").scalar(Long.class);
                killer.execute("KILL CONNECTION " + id);
            }
            killer.commit();
            assertThatThrownBy(() -> victim.execute("SELECT 1"))
                    .isInstanceOfSatisfying(OperationalException.class, e -> assertThat(e.isTransient()).isTrue());
        }
    }

    @DatabaseTest
    void aDeadlockIsTransient(TestDatabase db) throws Exception {
        if (db.db() == TestDb.SQLITE) {
            busySqliteIsTransient(db);
            return;
        }
        try (var setup = db.connect()) {
            setup.execute("CREATE TABLE locks (id INTEGER PRIMARY KEY, n INTEGER)");
            setup.execute("INSERT INTO locks VALUES (1, 0), (2, 0)");
            setup.commit();
        }
        try (var a = db.connect(); var b = db.connect()) {
            a.execute("UPDATE locks SET n = 1 WHERE id = 1");
            b.execute("UPDATE locks SET n = 1 WHERE id = 2");
            var aBlocked = new CountDownLatch(1);
            CompletableFuture<Throwable> aSide = CompletableFuture.supplyAsync(() -> {
                aBlocked.countDown();
                return catching(() -> a.execute("UPDATE locks SET n = 2 WHERE id = 2"));
            });
            aBlocked.await();
            Thread.sleep(200);
            Throwable bError = catching(() -> b.execute("UPDATE locks SET n = 2 WHERE id = 1"));
            Throwable aError = aSide.get(20, TimeUnit.SECONDS);
            Throwable deadlock = bError != null ? bError : aError;
            assertThat(deadlock).as("one side is chosen as the deadlock victim")
                    .isInstanceOfSatisfying(OperationalException.class, e -> {
                        assertThat(e.isTransient()).isTrue();
                        assertThat(e.sqlState()).isIn("40P01", "40001");
                    });
            a.rollback();
            b.rollback();
        }
    }

    @DatabaseTest
    void aSerializationFailureIsTransient(TestDatabase db) {
        assumeTrue(db.db() == TestDb.POSTGRESQL,
                "SQLite serialises writers and MariaDB's REPEATABLE READ does not raise 40001");
        try (var setup = db.connect()) {
            setup.execute("CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER)");
            setup.execute("INSERT INTO counters VALUES (1, 0)");
            setup.commit();
        }
        try (var a = db.connect(); var b = db.connect()) {
            a.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            a.execute("SELECT n FROM counters WHERE id = 1");
            b.execute("UPDATE counters SET n = n + 1 WHERE id = 1");
            b.commit();
            assertThatThrownBy(() -> a.execute("UPDATE counters SET n = n + 1 WHERE id = 1"))
                    .isInstanceOfSatisfying(OperationalException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("40001");
                        assertThat(e.isTransient()).isTrue();
                    });
            a.rollback();
        }
    }

    private static void busySqliteIsTransient(TestDatabase db) {
        try (var holder = db.connect();
             var waiter = dev.vellum.engine.Vellum.connect(db.url().withOption("busy_timeout", "0"))) {
            holder.execute("CREATE TABLE IF NOT EXISTS busy (id INTEGER)");
            holder.commit();
            holder.execute("INSERT INTO busy VALUES (1)");
            assertThatThrownBy(() -> waiter.execute("INSERT INTO busy VALUES (2)"))
                    .isInstanceOfSatisfying(OperationalException.class, e -> assertThat(e.isTransient()).isTrue());
            holder.rollback();
            waiter.rollback();
        }
    }

    private static Throwable catching(Runnable r) {
        try {
            r.run();
            return null;
        } catch (DatabaseException e) {
            return e;
        }
    }
}
