package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;

class ConnectIT {
    @DatabaseTest
    void connectsAndRunsAQueryOnEveryDatabase(TestDatabase db) {
        try (var conn = db.connect()) {
            assertThat(conn.backend()).isEqualTo(db.db().backend());
            assertThat(conn.execute("SELECT 1 + 1").scalar()).isEqualTo(2L);
        }
    }
}
