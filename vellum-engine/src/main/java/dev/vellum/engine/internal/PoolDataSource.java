package dev.vellum.engine.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.vellum.engine.Url;
import dev.vellum.engine.internal.driver.DriverSupport;

/**
 * The {@link DataSource} HikariCP opens physical connections through. It opens them as
 * {@code Vellum.connect} does (same driver defaults, URL options, then the engine's {@code connectArgs}), numbers
 * each one, and remembers when it was opened, so the engine can recycle connections by age at checkout and name
 * them in pool events. The table is weak: a connection HikariCP closes and drops disappears from it.
 * Thread-safe.
 */
final class PoolDataSource implements DataSource {
    /** What Vellum knows of one physical connection. */
    record Born(long id, long openedNanos) {
    }

    private final Url url;
    private final DriverSupport driver;
    private final Map<String, String> connectArgs;
    private final LongConsumer onConnect;
    private final AtomicLong serial = new AtomicLong();
    private final Map<Connection, Born> born = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile int loginTimeout;

    PoolDataSource(Url url, DriverSupport driver, Map<String, String> connectArgs, LongConsumer onConnect) {
        this.url = url;
        this.driver = driver;
        this.connectArgs = connectArgs;
        this.onConnect = onConnect;
    }

    @Override
    public Connection getConnection() {
        Connection jdbc = Connector.open(url, driver, connectArgs);
        long id = serial.incrementAndGet();
        born.put(jdbc, new Born(id, System.nanoTime()));
        onConnect.accept(id);
        return jdbc;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return getConnection();
    }

    /** What is known of a physical connection, or {@code null} for one this source did not open. */
    Born born(Connection physical) {
        return born.get(physical);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // connections log through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("connections log through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
