package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vellum.engine.Engine;
import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.Url;
import dev.vellum.engine.Vellum;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Echo, slow-statement and pool logs through SLF4J, and pool metrics through Micrometer. */
class EngineObservabilityIT {
    /** Captures what one logger writes while {@code body} runs, at INFO and above. */
    private static List<String> capture(String loggerName, Runnable body) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        Level previous = logger.getLevel();
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        try {
            body.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }
        return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @DatabaseTest
    void echoLogsStatementsWithTheirBindsCut(TestDatabase db) {
        Engine engine = db.createEngine(EngineOptions.defaults().echo(true));
        String longText = "x".repeat(500);
        List<String> lines = capture("dev.vellum.engine.echo", () -> engine.inTransaction(conn ->
                conn.execute("SELECT ?, ?", 42, longText).one()));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("INFO SELECT ?, ? (42, 'xxxx").contains("450 characters truncated")
                .doesNotContain("x".repeat(60));
    }

    @DatabaseTest
    void hideParametersKeepsValuesOutOfTheLog(TestDatabase db) {
        Engine engine = db.createEngine(EngineOptions.defaults().echo(true).hideParameters(true));
        List<String> lines = capture("dev.vellum.engine.echo", () -> engine.inTransaction(conn ->
                conn.execute("SELECT ?", "s3cret-token").one()));
        assertThat(lines).containsExactly("INFO SELECT ? [parameters hidden]");
    }

    @DatabaseTest
    void slowStatementsAreLoggedWithTheirDuration(TestDatabase db) {
        Engine engine = db.createEngine(EngineOptions.defaults().slowStatementThreshold(Duration.ofMillis(100)));
        String slow = switch (db.db()) {
            case SQLITE -> "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) "
                    + "SELECT COUNT(*) FROM c";
            case POSTGRESQL -> "SELECT pg_sleep(0.3), ?";
            case MARIADB -> "SELECT SLEEP(0.3), ?";
        };
        Object arg = db.db() == TestDb.SQLITE ? 3_000_000 : "s3cret";
        List<String> lines = capture("dev.vellum.engine.slow", () -> engine.inTransaction(conn -> {
            conn.execute("SELECT 1").one();
            return conn.execute(slow, arg).one();
        }));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("WARN slow statement \\(\\d+ ms\\): .*").contains(slow.substring(0, 20))
                .doesNotContain("s3cret");
    }

    @Test
    void poolEventsAreLoggedWithoutThePassword() {
        Supplier<Engine> create = () -> Vellum.createEngine(Url.parse("sqlite://").withOption("password", "s3cret"),
                EngineOptions.defaults().echoPool(true));
        List<String> lines = capture("dev.vellum.engine.pool", () -> {
            try (Engine engine = create.get(); var conn = engine.connect()) {
                conn.execute("SELECT 1");
            }
        });
        assertThat(lines).anyMatch(l -> l.startsWith("INFO connect connection 1"))
                .anyMatch(l -> l.startsWith("INFO checkout connection 1"))
                .anyMatch(l -> l.startsWith("INFO checkin connection 1"))
                .noneMatch(l -> l.contains("s3cret"));
    }

    /** Polls {@code value} for up to 3 s until it equals {@code expected}; returns the last reading. */
    private static double eventually(Supplier<Double> value, double expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        double last = value.get();
        while (last != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = value.get();
        }
        return last;
    }

    @DatabaseTest
    void poolMetricsArePublishedToMicrometer(TestDatabase db) {
        var registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            Engine engine = db.createEngine(EngineOptions.defaults().poolSize(2).maxOverflow(0));
            try (var a = engine.connect(); var b = engine.connect()) {
                a.execute("SELECT 1");
                b.execute("SELECT 1");
                assertThat(registry.get("hikaricp.connections.active").gauge().value()).isEqualTo(2.0);
            }
            assertThat(eventually(() -> registry.get("hikaricp.connections.active").gauge().value(), 0.0))
                    .as("HikariCP refreshes its gauges once a second").isZero();
            assertThat(registry.get("hikaricp.connections.max").gauge().value()).isEqualTo(2.0);
            assertThat(registry.get("hikaricp.connections.acquire").timer().count()).isGreaterThanOrEqualTo(2);
        } finally {
            Metrics.removeRegistry(registry);
            registry.close();
        }
    }
}
