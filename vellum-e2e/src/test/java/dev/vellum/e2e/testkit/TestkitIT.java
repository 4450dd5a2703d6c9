package dev.vellum.e2e.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import dev.vellum.engine.Connection;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/**
 * The testkit's own guarantees, proven by running deliberately broken test classes through the JUnit engine: a
 * leaked statement or connection fails its test, and a selected database that is down fails with its name.
 */
class TestkitIT {
    static class LeakyTests {
        static final List<Connection> KEPT = new ArrayList<>();

        @DatabaseTest
        void leavesAResultOpen(TestDatabase db) {
            var conn = db.connect();
            KEPT.add(conn);
            conn.execute("SELECT 1 UNION ALL SELECT 2").iterator().next();
        }
    }

    static class UnreachableTests {
        @DatabaseTest
        void needsTheDatabase(TestDatabase db) {
            try (var conn = db.connect()) {
                conn.execute("SELECT 1");
            }
        }
    }

    private static Events run(Class<?> type) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(type)).execute().testEvents();
    }

    private static List<String> failures(Events events) {
        return events.failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + " " + throwable(e)).toList();
    }

    private static String throwable(Event e) {
        return e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }

    @Test
    void aLeakFailsTheTestOnEveryDatabase() {
        Events events = run(LeakyTests.class);
        assertThat(events.started().count()).isEqualTo(TestDb.selected().size());
        assertThat(failures(events)).isNotEmpty().allSatisfy(f -> assertThat(f)
                .contains("leak").contains("1 connection(s) and 1 statement(s) open"));
        assertThat(events.failed().count()).isEqualTo(events.started().count());
        // release what the broken test kept, so this test leaves nothing behind itself
        LeakyTests.KEPT.forEach(Connection::close);
    }

    @Test
    void anUnreachableSelectedDatabaseFailsNamingIt() {
        assumeTrue(TestDb.selected().contains(TestDb.POSTGRESQL), "PostgreSQL is not selected");
        String key = "vellum.test.postgresql.url";
        String previous = System.getProperty(key);
        System.setProperty(key, "postgresql://postgres@127.0.0.1:1/test");
        try {
            Events events = run(UnreachableTests.class);
            assertThat(failures(events)).anySatisfy(f -> assertThat(f).contains("[postgresql]")
                    .contains("postgresql is selected").contains("unreachable").contains("127.0.0.1:1"));
            assertThat(events.skipped().count()).as("never silently skipped").isZero();
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
    }
}
