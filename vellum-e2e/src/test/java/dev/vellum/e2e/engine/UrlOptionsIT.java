package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vellum.engine.Url;
import dev.vellum.engine.Vellum;
import dev.vellum.error.OperationalException;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/** A URL's query options reach the driver, and its credentials are decoded before use. */
class UrlOptionsIT {
    @DatabaseTest
    void queryOptionsGoToTheDriver(TestDatabase db) {
        switch (db.db()) {
            case SQLITE -> {
                try (var conn = Vellum.connect(db.url().withOption("foreign_keys", "false"))) {
                    assertThat(conn.execute("PRAGMA foreign_keys").scalar()).isEqualTo(0L);
                }
            }
            case POSTGRESQL -> {
                try (var conn = Vellum.connect(db.url().withOption("application_name", "vellum-url-it"))) {
                    assertThat(conn.execute("SELECT current_setting('application_name')").scalar())
                            .isEqualTo("vellum-url-it");
                }
                try (var conn = db.connect()) {
                    assertThat(conn.execute("SELECT current_setting('application_name')").scalar()).isEqualTo("vellum");
                    assertThat(conn.execute("SELECT current_schema()").scalar()).isEqualTo(db.schema());
                }
            }
            case MARIADB -> {
                try (var conn = Vellum.connect(db.url().withOption("sessionVariables", "sql_mode=ANSI_QUOTES"))) {
                    assertThat(conn.execute("SELECT @@sql_mode").scalar(String.class)).contains("ANSI_QUOTES");
                }
            }
        }
    }

    @DatabaseTest
    void aPercentEncodedPasswordIsDecoded(TestDatabase db) {
        assumeTrue(db.db() == TestDb.MARIADB, "only MariaDB checks passwords here (PostgreSQL trusts loopback)");
        String user = "vellum_pw_" + db.schema().substring(db.schema().length() - 6);
        String password = "p@ss:w/rd%?&#'";
        try (var admin = db.connect()) {
            admin.execute("DROP USER IF EXISTS '" + user + "'@'127.0.0.1'");
            admin.execute("CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password.replace("'", "''") + "'");
        }
        try {
            var base = db.url();
            String encoded = "p%40ss%3Aw%2Frd%25%3F%26%23%27";
            var url = Url.parse("mariadb://" + user + ":" + encoded + "@" + base.address() + "/");
            assertThat(url.password()).isEqualTo(password);
            assertThat(url.toString()).doesNotContain("p%40ss").contains(":***@");
            try (var conn = Vellum.connect(url)) {
                assertThat(conn.execute("SELECT CURRENT_USER()").scalar(String.class)).startsWith(user + "@");
            }
            assertThatThrownBy(() -> Vellum.connect(Url.parse("mariadb://" + user + ":wrong@" + base.address() + "/")))
                    .isInstanceOf(OperationalException.class).hasMessageContaining(user)
                    .hasMessageNotContaining("wrong@");
        } finally {
            try (var admin = db.connect()) {
                admin.execute("DROP USER IF EXISTS '" + user + "'@'127.0.0.1'");
            }
        }
    }
}
