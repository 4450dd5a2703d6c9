package dev.vellum.benchmarks;

import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.zaxxer.hikari.HikariDataSource;
import dev.vellum.engine.Backend;
import dev.vellum.engine.internal.driver.DriverSupport;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.BatchSettings;
import org.hibernate.cfg.CacheSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.HikariCPSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Hibernate ORM 7.4, the peer of the {@code Orm*} benchmarks, configured in code as a tuned application configures
 * it: no {@code persistence.xml}; the dialect detected (named only for SQLite: the community {@code SQLiteDialect});
 * no schema tool ({@code hbm2ddl} none: the benchmarks create the tables); no SQL echo; no second-level or query
 * cache; JDBC batches of 50 with ordered inserts; connections from HikariCP through {@code hibernate-hikaricp}, set
 * up as {@link Fixture#rawPool} sets up the raw pools (same JDBC URL and driver properties, {@value
 * Fixture#POOL_SIZE} connections kept open, autoCommit off, which Hibernate is told with
 * {@code provider_disables_autocommit}). {@link #open} checks that the pool Hibernate built matches a raw pool.
 *
 * <p>Hibernate logs through jboss-logging, which without Logback falls back to {@code java.util.logging}: the
 * {@code org.hibernate} logger is set to WARNING here, so the startup banners stay out of JMH's output and warnings
 * still show.
 */
final class HibernatePeer {
    /** Held so the level set on it is not lost when java.util.logging drops unreferenced loggers. */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    static {
        HIBERNATE_LOG.setLevel(Level.WARNING);
    }

    private HibernatePeer() {
    }

    /**
     * A session factory for {@code entities} on the fixture's database, its pool checked against {@code raw} (a pool
     * from {@link Fixture#rawPool} without extra connect arguments). Close it before the fixture.
     */
    static SessionFactory open(Fixture fixture, HikariDataSource raw, Class<?>... entities) {
        var support = DriverSupport.of(fixture.backend());
        var settings = new Properties();
        if (fixture.backend() == Backend.SQLITE) {
            // Hibernate picks PostgreSQLDialect and MariaDBDialect itself (and warns when they are named)
            settings.setProperty(JdbcSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
        }
        settings.setProperty(JdbcSettings.CONNECTION_PROVIDER,
                "org.hibernate.hikaricp.internal.HikariCPConnectionProvider");
        settings.setProperty(JdbcSettings.JAKARTA_JDBC_URL, support.jdbcUrl(fixture.url()));
        support.properties(fixture.url()).forEach((k, v) ->
                settings.setProperty(HikariCPSettings.HIKARI_CONFIG_PREFIX + ".dataSource." + k, (String) v));
        settings.setProperty(HikariCPSettings.HIKARI_POOL_NAME, "bench-hibernate-" + fixture.backend().scheme());
        settings.setProperty(HikariCPSettings.HIKARI_MAX_SIZE, Integer.toString(Fixture.POOL_SIZE));
        settings.setProperty(HikariCPSettings.HIKARI_MIN_IDLE_SIZE, Integer.toString(Fixture.POOL_SIZE));
        settings.setProperty(HikariCPSettings.HIKARI_ACQUISITION_TIMEOUT, "30000");
        settings.setProperty(JdbcSettings.AUTOCOMMIT, "false");
        settings.setProperty(JdbcSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true");
        settings.setProperty(JdbcSettings.SHOW_SQL, "false");
        settings.setProperty(SchemaToolingSettings.HBM2DDL_AUTO, "none");
        settings.setProperty(CacheSettings.USE_SECOND_LEVEL_CACHE, "false");
        settings.setProperty(CacheSettings.USE_QUERY_CACHE, "false");
        settings.setProperty(BatchSettings.STATEMENT_BATCH_SIZE, "50");
        settings.setProperty(BatchSettings.ORDER_INSERTS, "true");
        var configuration = new Configuration();
        configuration.addProperties(settings);
        for (Class<?> entity : entities) {
            configuration.addAnnotatedClass(entity);
        }
        SessionFactory factory = configuration.buildSessionFactory();
        try {
            checkPool(factory, raw);
        } catch (RuntimeException e) {
            factory.close();
            throw e;
        }
        return factory;
    }

    /** Fails unless Hibernate's HikariCP pool is configured as the raw pool is, but for its name. */
    private static void checkPool(SessionFactory factory, HikariDataSource raw) {
        HikariDataSource pool = factory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(ConnectionProvider.class).unwrap(HikariDataSource.class);
        Map<String, Object> mine = Map.of("jdbcUrl", pool.getJdbcUrl(), "properties", pool.getDataSourceProperties(),
                "maximumPoolSize", pool.getMaximumPoolSize(), "minimumIdle", pool.getMinimumIdle(),
                "autoCommit", pool.isAutoCommit(), "connectionTimeout", pool.getConnectionTimeout());
        Map<String, Object> theirs = Map.of("jdbcUrl", raw.getJdbcUrl(), "properties", raw.getDataSourceProperties(),
                "maximumPoolSize", raw.getMaximumPoolSize(), "minimumIdle", raw.getMinimumIdle(),
                "autoCommit", raw.isAutoCommit(), "connectionTimeout", raw.getConnectionTimeout());
        if (!mine.equals(theirs)) {
            throw new IllegalStateException("Hibernate's pool " + mine + " differs from the raw pool " + theirs);
        }
    }
}
