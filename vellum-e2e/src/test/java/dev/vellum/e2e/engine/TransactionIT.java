package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import dev.vellum.engine.Connection;
import dev.vellum.engine.ExecutionOptions;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.InternalException;
import dev.vellum.error.StatementTimeoutException;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;

/** DB-API transaction semantics on every database: implicit begin, commit, rollback, savepoints, modes. */
class TransactionIT {
    private static void createAccounts(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute("DROP TABLE IF EXISTS accounts");
            conn.execute("CREATE TABLE accounts (name VARCHAR(20) PRIMARY KEY, balance DECIMAL(12, 2) NOT NULL"
                    + " CHECK (balance >= 0))");
            conn.execute("INSERT INTO accounts VALUES (?, ?), (?, ?)", "alice", 100, "bob", 50);
            conn.commit();
        }
    }

    private static BigDecimal balance(Connection conn, String name) {
        return conn.execute("SELECT balance FROM accounts WHERE name = ?", name).scalar(BigDecimal.class);
    }

    private static long committedBalance(TestDatabase db, String name) {
        try (var other = db.connect()) {
            return balance(other, name).longValueExact();
        }
    }

    @DatabaseTest
    void aTransactionBeginsImplicitlyAndCommitMakesItVisible(TestDatabase db) {
        createAccounts(db);
        try (var conn = db.connect()) {
            assertThat(conn.inTransaction()).isFalse();
            conn.execute("UPDATE accounts SET balance = ? WHERE name = ?", 70, "alice");
            assertThat(conn.inTransaction()).isTrue();
            assertThat(committedBalance(db, "alice")).as("not visible before commit").isEqualTo(100);
            conn.commit();
            assertThat(conn.inTransaction()).isFalse();
            assertThat(committedBalance(db, "alice")).isEqualTo(70);
        }
    }

    @DatabaseTest
    void rollbackUndoesTheTransaction(TestDatabase db) {
        createAccounts(db);
        try (var conn = db.connect()) {
            conn.execute("UPDATE accounts SET balance = 0");
            assertThat(balance(conn, "bob")).isEqualByComparingTo("0");
            conn.rollback();
            assertThat(balance(conn, "bob")).isEqualByComparingTo("50");
        }
    }

    @DatabaseTest
    void closeWithoutCommitRollsBack(TestDatabase db) {
        createAccounts(db);
        try (var conn = db.connect()) {
            conn.execute("UPDATE accounts SET balance = 1 WHERE name = ?", "alice");
        }
        assertThat(committedBalance(db, "alice")).isEqualTo(100);
    }

    @DatabaseTest
    void anExceptionHalfwayThroughAUnitLeavesTheStateUnchanged(TestDatabase db) {
        createAccounts(db);
        try (var conn = db.connect()) {
            assertThatThrownBy(() -> {
                conn.execute("UPDATE accounts SET balance = balance + ? WHERE name = ?", 150, "bob");
                conn.execute("INSERT INTO accounts VALUES (?, ?)", "carol", 10);
                conn.execute("UPDATE accounts SET balance = balance - ? WHERE name = ?", 150, "alice");
                conn.commit();
            }).isInstanceOf(IntegrityException.class);
            conn.rollback();
            assertThat(conn.execute("SELECT name, balance FROM accounts ORDER BY name").all())
                    .extracting(r -> r.get(0) + "=" + r.get(1, BigDecimal.class).longValueExact())
                    .containsExactly("alice=100", "bob=50");
        }
    }

    @DatabaseTest
    void aSavepointRollsBackOnlyItsPart(TestDatabase db) {
        createAccounts(db);
        try (var conn = db.connect()) {
            conn.execute("UPDATE accounts SET balance = 90 WHERE name = ?", "alice");
            try (var sp = conn.beginNested()) {
                conn.execute("UPDATE accounts SET balance = 0 WHERE name = ?", "bob");
                assertThat(sp.isActive()).isTrue();
            } // not committed: rolled back to the savepoint
            try (var sp = conn.beginNested()) {
                conn.execute("INSERT INTO accounts VALUES (?, ?)", "carol", 5);
                sp.commit();
                assertThat(sp.isActive()).isFalse();
            }
            try (var sp = conn.beginNested()) {
                assertThatThrownBy(() -> conn.execute("INSERT INTO accounts VALUES (?, ?)", "alice", 1))
                        .isInstanceOf(IntegrityException.class);
                sp.rollback(); // after a failed statement the transaction goes on (PostgreSQL included)
            }
            conn.commit();
        }
        assertThat(committedBalance(db, "alice")).isEqualTo(90);
        assertThat(committedBalance(db, "bob")).isEqualTo(50);
        assertThat(committedBalance(db, "carol")).isEqualTo(5);
    }

    @DatabaseTest
    void aSavepointCannotEndTwice(TestDatabase db) {
        try (var conn = db.connect()) {
            var sp = conn.beginNested();
            sp.commit();
            assertThatThrownBy(sp::rollback).isInstanceOf(InterfaceException.class).hasMessageContaining("already");
            conn.rollback();
        }
    }

    @DatabaseTest
    void readOnlyTransactionsRefuseWrites(TestDatabase db) {
        createAccounts(db);
        try (var conn = db.connect()) {
            conn.setReadOnly(true);
            assertThat(conn.isReadOnly()).isTrue();
            assertThat(balance(conn, "alice")).isEqualByComparingTo("100");
            conn.rollback();
            assertThatThrownBy(() -> conn.execute("UPDATE accounts SET balance = 0"))
                    .isInstanceOf(InternalException.class);
            conn.rollback();
            conn.setReadOnly(false);
            conn.execute("UPDATE accounts SET balance = 0 WHERE name = ?", "bob");
            conn.commit();
        }
        assertThat(committedBalance(db, "bob")).isZero();
    }

    @DatabaseTest
    void modesCannotChangeInsideATransaction(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.execute("SELECT 1");
            assertThatThrownBy(() -> conn.setReadOnly(true)).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("commit or roll back first");
            assertThatThrownBy(() -> conn.setAutocommit(true)).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("commit or roll back first");
            conn.rollback();
            conn.setAutocommit(true);
            assertThatThrownBy(conn::beginNested).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("autocommit");
        }
    }

    @DatabaseTest
    void autocommitMakesEachStatementDurable(TestDatabase db) {
        createAccounts(db);
        try (var conn = db.connect()) {
            conn.setAutocommit(true);
            conn.execute("UPDATE accounts SET balance = 10 WHERE name = ?", "alice");
            assertThat(conn.inTransaction()).isFalse();
            assertThat(committedBalance(db, "alice")).isEqualTo(10);
            conn.rollback(); // nothing to undo
        }
        assertThat(committedBalance(db, "alice")).isEqualTo(10);
    }

    @DatabaseTest
    void aStatementTimeoutCancelsTheStatementOnTheServer(TestDatabase db) {
        try (var conn = db.connect()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> conn.execute(ExecutionOptions.timeout(Duration.ofMillis(300)),
                    Schemas.slowQuery(db)))
                    .isInstanceOf(StatementTimeoutException.class).hasMessageContaining("300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            conn.rollback();
            assertThat(conn.execute("SELECT 1").scalar()).as("the connection is still usable").isEqualTo(1L);
            assertThat(runningSleeps(db, conn)).as("nothing left running on the server").isZero();
        }
    }

    @DatabaseTest
    void aConnectionTimeoutAppliesToEveryStatement(TestDatabase db) {
        try (var conn = db.connect()) {
            conn.setStatementTimeout(Duration.ofMillis(200));
            assertThat(conn.statementTimeout()).isEqualTo(Duration.ofMillis(200));
            assertThat(conn.execute("SELECT 2").scalar()).isEqualTo(2L);
            assertThatThrownBy(() -> conn.execute(Schemas.slowQuery(db)))
                    .isInstanceOf(StatementTimeoutException.class).hasMessageContaining("200 ms");
            conn.rollback();
            conn.setStatementTimeout(null);
            assertThat(conn.execute("SELECT 3").scalar()).isEqualTo(3L);
        }
    }

    private static long runningSleeps(TestDatabase db, Connection conn) {
        return switch (db.db()) {
            case SQLITE -> 0;
            case POSTGRESQL -> conn.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active'"
                    + " AND query LIKE 'SELECT pg_sleep%'").scalar(Long.class);
            case MARIADB -> conn.execute("SELECT COUNT(*) FROM information_schema.processlist"
                    + " WHERE info LIKE 'SELECT SLEEP%'").scalar(Long.class);
        };
    }
}
