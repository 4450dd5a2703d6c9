package dev.vellum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;

/**
 * {@code vellum demo --url} on every database, run twice: both runs succeed and print the same thing, because each
 * exercise drops and recreates its tables.
 */
class DemoIT {
    @DatabaseTest
    void demoRunsTwiceWithTheSameOutput(TestDatabase db) {
        String url = db.url().render(false);
        try {
            CliRun first = CliRun.of("demo", "--url", url);
            CliRun second = CliRun.of("demo", "--url", url);

            assertThat(first.err()).isEmpty();
            assertThat(first.exit()).isZero();
            assertThat(second.err()).isEmpty();
            assertThat(second.exit()).isZero();
            assertThat(second.out()).isEqualTo(first.out());

            List<String> lines = first.outLines();
            assertThat(lines.getFirst()).isEqualTo("Vellum demo on " + db.url());
            assertThat(lines).containsSubsequence(
                    "  inserted task 1: Write the README",
                    "  inserted task 2: Ship Vellum 0.1",
                    "  inserted task 3: Robert'); DROP TABLE tasks;--");
            assertThat(lines).containsSubsequence(
                    "  marked task 1 done (1 row)",
                    "  deleted 'Ship Vellum 0.1' (1 row)",
                    "  tasks now:",
                    "    [x] 1 Write the README",
                    "    [ ] 3 Robert'); DROP TABLE tasks;--",
                    "  the hostile title was stored as text: the table still has 2 rows");
            assertThat(lines).containsSubsequence(
                    "  created tables demo_users and demo_posts",
                    "  added 2 users and 3 posts in one commit",
                    "  posts by Alice:",
                    "    Hello, Vellum",
                    "    Relationships without N+1",
                    "  posts per user: Alice=2 Bob=1");
            assertThat(lines).containsSubsequence(
                    "  balances before: alice=100.00 bob=50.00",
                    "    1. credited bob",
                    "    2. logged the transfer",
                    "  rolled back",
                    "  balances after: alice=100.00 bob=50.00",
                    "  transfers logged: 0");
            assertThat(lines).filteredOn(line -> line.startsWith("    3. debit failed: IntegrityException: "))
                    .hasSize(1);
            assertThat(lines).noneMatch(line -> line.contains("3. debited alice"));
        } finally {
            try (Connection conn = db.connect()) {
                for (String table : List.of("transfers", "accounts", "tasks", "demo_posts", "demo_users")) {
                    conn.execute("DROP TABLE IF EXISTS " + table);
                }
                conn.commit();
            }
        }
    }
}
