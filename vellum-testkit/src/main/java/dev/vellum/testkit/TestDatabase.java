package dev.vellum.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.Url;
import dev.vellum.engine.Vellum;

/**
 * One database for one test class, isolated from every other: a fresh PostgreSQL schema, MariaDB database or
 * SQLite file, created on first use and dropped when the class finishes. Tests connect with {@link #connect()}
 * and write DDL with {@link #ddl(String)} for the types that differ between databases.
 *
 * <p>Thread-safe; each connection it opens is one thread at a time.
 *
 * @since 0.1
 */
public final class TestDatabase implements AutoCloseable {
    private final TestDb db;
    private final Url url;
    private final String isolation;
    private final Path sqliteDir;
    private final List<Engine> engines = new CopyOnWriteArrayList<>();

    private TestDatabase(TestDb db, Url url, String isolation, Path sqliteDir) {
        this.db = db;
        this.url = url;
        this.isolation = isolation;
        this.sqliteDir = sqliteDir;
    }

    /**
     * Creates the isolated schema for {@code owner} on {@code db}.
     *
     * @throws AssertionError naming the database when it cannot be reached
     */
    static TestDatabase create(TestDb db, String owner) {
        String name = "vt_" + owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        name = name.substring(0, Math.min(name.length(), 40)) + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        try {
            return switch (db) {
                case SQLITE -> {
                    Path dir = Files.createTempDirectory("vellum-" + name);
                    yield new TestDatabase(db, Url.parse("sqlite:///" + dir.resolve("test.db")), name, dir);
                }
                case POSTGRESQL -> {
                    var server = Url.parse(db.serverUrl());
                    try (var conn = Vellum.connect(server)) {
                        conn.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                        conn.execute("CREATE SCHEMA " + name);
                        conn.commit();
                    }
                    yield new TestDatabase(db, server.withOption("currentSchema", name), name, null);
                }
                case MARIADB -> {
                    var server = Url.parse(db.serverUrl());
                    try (var conn = Vellum.connect(server)) {
                        conn.execute("DROP DATABASE IF EXISTS " + name);
                        conn.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                    }
                    yield new TestDatabase(db, server.withDatabase(name), name, null);
                }
            };
        } catch (RuntimeException e) {
            throw new AssertionError(db.id() + " is selected (-Dvellum.test.dbs) but unreachable at "
                    + db.serverUrl() + ": " + e.getMessage()
                    + ". Start it (shared/services.sh start) or select fewer databases.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which database this is. */
    public TestDb db() {
        return db;
    }

    /** The URL of the isolated schema. */
    public Url url() {
        return url;
    }

    /** The isolated schema's name (PostgreSQL schema, MariaDB database, SQLite directory prefix). */
    public String schema() {
        return isolation;
    }

    /** A new connection to the isolated schema; close it. */
    public Connection connect() {
        return Vellum.connect(url);
    }

    /**
     * An engine on the isolated schema with HikariCP's leak detector on (2 s) unless the options set it; it is
     * closed after the current test.
     */
    public Engine createEngine(EngineOptions options) {
        var effective = options.leakDetectionThreshold() == null
                ? options.leakDetectionThreshold(Duration.ofSeconds(2)) : options;
        Engine engine = Vellum.createEngine(url, effective);
        Queries.watch(engine);
        engines.add(engine);
        return engine;
    }

    /** An engine with default options; see {@link #createEngine(EngineOptions)}. */
    public Engine createEngine() {
        return createEngine(EngineOptions.defaults());
    }

    /** Closes the engines the current test created; returns how many connections they still had checked out. */
    int closeEngines() {
        int active = 0;
        for (Engine engine : engines) {
            active += engine.poolStats().active();
            engine.close();
        }
        engines.clear();
        return active;
    }

    /** This database's spelling of a DDL template; see {@link TestDb#ddl(String)}. */
    public String ddl(String template) {
        return db.ddl(template);
    }

    /** Drops the schema (or deletes the SQLite files). */
    @Override
    public void close() {
        switch (db) {
            case SQLITE -> deleteTree(sqliteDir);
            case POSTGRESQL -> {
                try (var conn = Vellum.connect(Url.parse(db.serverUrl()))) {
                    conn.execute("DROP SCHEMA IF EXISTS " + isolation + " CASCADE");
                    conn.commit();
                }
            }
            case MARIADB -> {
                try (var conn = Vellum.connect(Url.parse(db.serverUrl()))) {
                    conn.execute("DROP DATABASE IF EXISTS " + isolation);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return db.id();
    }
}
