package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vellum.engine.Vellum;
import dev.vellum.error.IntegrityException;

/** SQLite files open ready for concurrent use: WAL, a busy timeout, foreign keys. */
class SqliteDefaultsIT {
    @TempDir
    Path dir;

    private String url() {
        return "sqlite:///" + dir.resolve("app.db");
    }

    @Test
    void walBusyTimeoutAndForeignKeysAreOn() {
        try (var conn = Vellum.connect(url())) {
            assertThat(conn.execute("PRAGMA journal_mode").scalar()).isEqualTo("wal");
            assertThat(conn.execute("PRAGMA busy_timeout").scalar()).isEqualTo(5000L);
            assertThat(conn.execute("PRAGMA foreign_keys").scalar()).isEqualTo(1L);
            conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
            conn.execute("CREATE TABLE child (parent_id INTEGER REFERENCES parent (id))");
            assertThatThrownBy(() -> conn.execute("INSERT INTO child VALUES (42)"))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("FOREIGN KEY");
            conn.rollback();
        }
    }

    @Test
    void urlOptionsOverrideTheDefaults() {
        try (var conn = Vellum.connect(url() + "?journal_mode=DELETE&foreign_keys=false&busy_timeout=250")) {
            assertThat(conn.execute("PRAGMA journal_mode").scalar()).isEqualTo("delete");
            assertThat(conn.execute("PRAGMA foreign_keys").scalar()).isEqualTo(0L);
            assertThat(conn.execute("PRAGMA busy_timeout").scalar()).isEqualTo(250L);
        }
    }

    @Test
    void theTransactionModeIsNotAnOption() {
        assertThatThrownBy(() -> Vellum.connect(url() + "?transaction_mode=IMMEDIATE"))
                .isInstanceOf(dev.vellum.error.InterfaceException.class).hasMessageContaining("DEFERRED");
    }

    @Test
    void memoryDatabasesWork() {
        try (var conn = Vellum.connect("sqlite://")) {
            conn.execute("CREATE TABLE t (x INTEGER)");
            conn.execute("INSERT INTO t VALUES (?)", 1);
            assertThat(conn.execute("SELECT x FROM t").scalar()).isEqualTo(1L);
            assertThat(conn.url().isMemory()).isTrue();
        }
    }

    @Test
    void concurrentWritersWaitInsteadOfFailing() throws Exception {
        try (var setup = Vellum.connect(url())) {
            setup.execute("CREATE TABLE events (who VARCHAR(10))");
            setup.commit();
        }
        try (var first = Vellum.connect(url()); var second = Vellum.connect(url())) {
            first.execute("INSERT INTO events VALUES (?)", "first"); // holds the write lock until commit
            var started = new CountDownLatch(1);
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
                started.countDown();
                second.execute("INSERT INTO events VALUES (?)", "second"); // waits on the busy timeout
                second.commit();
            });
            started.await();
            Thread.sleep(300);
            assertThat(waiter).as("the second writer is waiting for the lock").isNotDone();
            first.commit();
            waiter.get(10, TimeUnit.SECONDS);
        }
        try (var check = Vellum.connect(url())) {
            assertThat(check.execute("SELECT who FROM events ORDER BY who").all()).extracting(r -> r.get(0))
                    .containsExactly("first", "second");
        }
    }

    @Test
    void readersDoNotWaitForAWriter() {
        try (var writer = Vellum.connect(url()); var reader = Vellum.connect(url())) {
            writer.execute("CREATE TABLE notes (body TEXT)");
            writer.execute("INSERT INTO notes VALUES ('committed')");
            writer.commit();
            writer.execute("INSERT INTO notes VALUES ('pending')");
            // a waiting reader would fail with SQLITE_BUSY after the busy timeout instead of answering
            assertThat(reader.execute("SELECT COUNT(*) FROM notes").scalar()).isEqualTo(1L);
            writer.rollback();
        }
    }
}
