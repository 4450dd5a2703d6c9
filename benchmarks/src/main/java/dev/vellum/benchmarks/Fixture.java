package dev.vellum.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vellum.dialect.Dialects;
import dev.vellum.engine.Backend;
import dev.vellum.engine.Engine;
import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.Url;
import dev.vellum.engine.Vellum;
import dev.vellum.engine.internal.Connector;
import dev.vellum.engine.internal.driver.DriverSupport;
import dev.vellum.sql.Sql;
import dev.vellum.sql.Table;

/**
 * One database for one benchmark trial: its URL (a fresh WAL-mode file for SQLite), the Vellum engine, raw
 * HikariCP pools configured exactly as the engine configures its own, and the benchmark tables.
 *
 * <p>Server URLs come from {@code VELLUM_BENCH_POSTGRESQL_URL} / {@code VELLUM_BENCH_MARIADB_URL}, else
 * {@code VELLUM_TEST_POSTGRESQL_URL} / {@code VELLUM_TEST_MARIADB_URL}, else the local defaults.
 */
final class Fixture {
    /** Connections in every pool, Vellum's and the raw ones: {@code poolSize(5).maxOverflow(0)}. */
    static final int POOL_SIZE = 5;
    /** Rows in {@code bench_users}. */
    static final int ROWS = 10_000;
    static final String USERS = "bench_users";
    static final String INSERTS = "bench_users_ins";

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Url url;
    private final Path sqliteFile;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();

    private Fixture(Url url, Path sqliteFile) {
        this.url = url;
        this.sqliteFile = sqliteFile;
    }

    /** The fixture for a benchmark's {@code db} parameter: {@code sqlite}, {@code postgresql} or {@code mariadb}. */
    static Fixture open(String db) {
        return switch (db) {
            case "sqlite" -> {
                try {
                    Path file = Files.createTempFile("vellum-bench-", ".db");
                    yield new Fixture(Url.parse("sqlite:///" + file.toAbsolutePath()), file);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot create the SQLite file: " + e, e);
                }
            }
            case "postgresql" -> new Fixture(Url.parse(env("POSTGRESQL", "postgresql://postgres@127.0.0.1:5432/test")),
                    null);
            case "mariadb" -> new Fixture(Url.parse(env("MARIADB", "mariadb://root@127.0.0.1:3306/test")), null);
            default -> throw new IllegalArgumentException("unknown database " + db);
        };
    }

    private static String env(String db, String fallback) {
        String bench = System.getenv("VELLUM_BENCH_" + db + "_URL");
        if (bench != null && !bench.isBlank()) {
            return bench;
        }
        String test = System.getenv("VELLUM_TEST_" + db + "_URL");
        return test != null && !test.isBlank() ? test : fallback;
    }

    Url url() {
        return url;
    }

    Backend backend() {
        return url.backend();
    }

    /** A Vellum engine: {@code poolSize(POOL_SIZE).maxOverflow(0)}, everything else default. */
    Engine engine() {
        Engine engine = Vellum.createEngine(url, EngineOptions.defaults().poolSize(POOL_SIZE).maxOverflow(0));
        resources.add(engine);
        return engine;
    }

    /**
     * A bare HikariCP pool configured as {@code DefaultEngine} configures its own (autoCommit off, minimumIdle =
     * maximumPoolSize = POOL_SIZE, 30 s connection timeout), opening physical connections exactly as the engine's
     * {@code PoolDataSource} does: Vellum's driver defaults, then {@code connectArgs}.
     */
    HikariDataSource rawPool(Map<String, String> connectArgs) {
        var config = new HikariConfig();
        config.setPoolName("bench-raw-" + url.backend().scheme() + "-" + POOLS.incrementAndGet());
        // HikariCP's own driver data source, given the same JDBC URL and properties Vellum's engine opens with
        var support = DriverSupport.of(url.backend());
        var properties = support.properties(url);
        connectArgs.forEach(properties::setProperty);
        config.setJdbcUrl(support.jdbcUrl(url));
        config.setDataSourceProperties(properties);
        config.setAutoCommit(false);
        config.setConnectionTimeout(30_000);
        config.setMinimumIdle(POOL_SIZE);
        config.setMaximumPoolSize(POOL_SIZE);
        var pool = new HikariDataSource(config);
        resources.add(pool);
        return pool;
    }

    /** An unpooled autocommit connection with Vellum's driver defaults, for setup work outside measurements. */
    Connection admin() {
        Connection c = Connector.open(url, DriverSupport.of(url.backend()), Map.of());
        resources.add(c);
        return c;
    }

    /** Creates (after dropping any leftover) an empty {@code (id, name, email, age)} table, dropped at close. */
    void createTable(Connection admin, String table) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + table);
            st.execute("CREATE TABLE " + table
                    + " (id INTEGER PRIMARY KEY, name VARCHAR(50), email VARCHAR(100), age INTEGER)");
        }
        tables.add(table);
    }

    /** Creates (after dropping any leftover) a Core table as its dialect spells the DDL, dropped at close. */
    void createTable(Connection admin, Table table) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + table.name());
            st.execute(Dialects.forName(backend().scheme()).compile(Sql.createTable(table)).sql());
        }
        tables.add(table.name());
    }

    /** Creates {@code table} holding {@link #ROWS} rows {@link User#of(int) User.of(1..ROWS)}. */
    void createUsers(Connection admin, String table) throws SQLException {
        createTable(admin, table);
        admin.setAutoCommit(false);
        try (PreparedStatement ps = admin.prepareStatement("INSERT INTO " + table
                + " (id, name, email, age) VALUES (?, ?, ?, ?)")) {
            for (int i = 1; i <= ROWS; i++) {
                User u = User.of(i);
                ps.setInt(1, u.id());
                ps.setString(2, u.name());
                ps.setString(3, u.email());
                ps.setInt(4, u.age());
                ps.addBatch();
            }
            ps.executeBatch();
            admin.commit();
        } finally {
            admin.setAutoCommit(true);
        }
        if (backend() != Backend.SQLITE) {
            try (Statement st = admin.createStatement()) {
                st.execute("ANALYZE " + (backend() == Backend.MARIADB ? "TABLE " : "") + table);
            }
        }
    }

    /** Empties {@code table} (TRUNCATE on the servers, DELETE on SQLite), in autocommit. */
    void empty(Connection admin, String table) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute(backend() == Backend.SQLITE ? "DELETE FROM " + table : "TRUNCATE TABLE " + table);
        }
    }

    /** Closes pools, engine and connections (in reverse order), drops the tables, deletes the SQLite file. */
    void close() throws Exception {
        Exception failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                failure = addTo(failure, e);
            }
        }
        if (!tables.isEmpty()) {
            try (Connection c = Connector.open(url, DriverSupport.of(url.backend()), Map.of());
                 Statement st = c.createStatement()) {
                for (String table : tables) {
                    st.execute("DROP TABLE IF EXISTS " + table);
                }
            } catch (RuntimeException | SQLException e) {
                failure = addTo(failure, e);
            }
        }
        if (sqliteFile != null) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(sqliteFile + suffix));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Exception addTo(Exception failure, Exception e) {
        if (failure == null) {
            return e;
        }
        failure.addSuppressed(e);
        return failure;
    }
}
