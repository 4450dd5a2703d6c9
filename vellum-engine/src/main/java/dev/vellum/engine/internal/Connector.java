package dev.vellum.engine.internal;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vellum.engine.Backend;
import dev.vellum.engine.Connection;
import dev.vellum.engine.Url;
import dev.vellum.engine.internal.driver.DriverSupport;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.OperationalException;

/**
 * Opens JDBC connections for URLs. The driver class is loaded directly (not looked up through
 * {@code DriverManager}), so a missing driver is reported by name with the artifact to add, and the lookup costs
 * nothing after the first connection. Thread-safe.
 */
public final class Connector {
    private static final Map<Backend, Driver> DRIVERS = new ConcurrentHashMap<>();

    private Connector() {
    }

    /** Opens a DB-API connection: autocommit off, driver defaults applied. */
    public static Connection connect(Url url) {
        Checks.notNull(url, "the database URL");
        var support = DriverSupport.of(url.backend());
        java.sql.Connection jdbc = open(url, support, java.util.Map.of());
        try {
            jdbc.setAutoCommit(false);
        } catch (SQLException e) {
            closeQuietly(jdbc);
            throw ErrorMapper.map(url.backend(), e, null);
        }
        ResourceTracker.connectionOpened();
        return new DefaultConnection(jdbc, url, support, Connector::release, null, false, null, false);
    }

    /**
     * A raw JDBC connection for {@code url}, with Vellum's driver defaults and then {@code connectArgs}; the caller
     * closes it.
     */
    public static java.sql.Connection open(Url url, DriverSupport support, java.util.Map<String, String> connectArgs) {
        Driver driver = DRIVERS.computeIfAbsent(url.backend(), Connector::loadDriver);
        var props = support.properties(url);
        connectArgs.forEach(props::setProperty);
        try {
            java.sql.Connection jdbc = driver.connect(support.jdbcUrl(url), props);
            if (jdbc == null) {
                throw new InterfaceException("the " + url.backend().scheme() + " driver rejected the URL " + url);
            }
            return jdbc;
        } catch (SQLException e) {
            String where = url.backend() == Backend.SQLITE
                    ? "the SQLite database " + (url.isMemory() ? ":memory:" : "'" + url.database() + "'")
                    : url.backend().scheme() + " at " + url.address()
                            + (url.database() == null ? "" : "/" + url.database())
                            + (url.username() == null ? "" : " as " + url.username());
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            DatabaseException mapped = ErrorMapper.map(url.backend(), e, null);
            throw new OperationalException("cannot connect to " + where + ": " + reason,
                    new DatabaseException.Detail(null, mapped.sqlState(), mapped.vendorCode(), mapped.isTransient()),
                    e);
        }
    }

    private static Driver loadDriver(Backend backend) {
        try {
            Class<?> type = Class.forName(backend.driverClass(), true, Connector.class.getClassLoader());
            return (Driver) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InterfaceException("no JDBC driver for " + backend.scheme() + " on the class path: add "
                    + backend.driverArtifact() + " (driver class " + backend.driverClass() + ")", e);
        } catch (ReflectiveOperationException e) {
            throw new InterfaceException("cannot load the JDBC driver " + backend.driverClass() + ": " + e, e);
        }
    }

    /** Closes a direct connection (the releaser of {@link #connect(Url)}'s connections). */
    private static void release(java.sql.Connection jdbc, boolean broken) {
        closeQuietly(jdbc);
        ResourceTracker.connectionClosed();
    }

    static void closeQuietly(java.sql.Connection jdbc) {
        try {
            jdbc.close();
        } catch (SQLException e) {
            // failed during setup; nothing more to release
        }
    }
}
