package dev.vellum.engine.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.vellum.dialect.Dialect;
import dev.vellum.dialect.Dialects;
import dev.vellum.engine.Backend;
import dev.vellum.engine.Connection;
import dev.vellum.engine.ConnectionCallback;
import dev.vellum.engine.ConnectionConsumer;
import dev.vellum.engine.Engine;
import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.Inspector;
import dev.vellum.engine.IsolationLevel;
import dev.vellum.engine.PoolEvent;
import dev.vellum.engine.PoolListener;
import dev.vellum.engine.PoolStats;
import dev.vellum.engine.Retry;
import dev.vellum.engine.StatementListener;
import dev.vellum.engine.Transaction;
import dev.vellum.engine.Url;
import dev.vellum.engine.internal.driver.DriverSupport;
import dev.vellum.engine.internal.reflect.CatalogInspector;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.OperationalException;
import dev.vellum.error.PoolTimeoutException;
import dev.vellum.error.VellumException;
import dev.vellum.sql.Index;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Sql;
import dev.vellum.sql.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Engine} on HikariCP with SQLAlchemy's pool semantics enforced by Vellum.
 *
 * <p><b>Overflow.</b> HikariCP keeps {@code minimumIdle = poolSize} and may open up to
 * {@code maximumPoolSize = poolSize + maxOverflow}. At checkin, a connection whose return would leave more than
 * {@code poolSize} connections idle is evicted (closed) at once, as SQLAlchemy's QueuePool closes overflow
 * connections when they come back. Vellum counts its own checked-out connections with an atomic counter, so
 * connections returned at the same moment each see a different count and together close exactly the surplus;
 * since idle connections never fall below {@code minimumIdle} through this, HikariCP does not refill them.
 *
 * <p><b>Pre-ping and recycle</b> are checked by Vellum at checkout, so they work at any duration (HikariCP's own
 * {@code maxLifetime} has a 30 s floor): a connection older than {@code recycle} (by its opening time, recorded
 * by {@link PoolDataSource}) or failing {@code isValid} is evicted and another one taken.
 *
 * <p>Thread-safe. Statistics are lock-free adders; listeners a copy-on-write list.
 */
public final class DefaultEngine implements Engine {
    private static final Logger POOL_LOG = LoggerFactory.getLogger("dev.vellum.engine.pool");
    private static final AtomicInteger ENGINES = new AtomicInteger();
    private static final boolean MICROMETER = isPresent("io.micrometer.core.instrument.Metrics");
    private static final int PING_TIMEOUT_SECONDS = 5;

    private final Url url;
    private final EngineOptions options;
    private final DriverSupport driver;
    private final StatementLog log;
    private final PoolDataSource source;
    private final HikariDataSource pool;
    private final HikariPoolMXBean poolBean;
    private final boolean autocommit;
    private final int poolSize;
    private final boolean overflowAllowed;
    private final long recycleNanos;
    private final List<PoolListener> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder checkouts = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final AtomicLong maxWaitNanos = new AtomicLong();
    private final AtomicInteger checkedOut = new AtomicInteger();
    private final DefaultConnection.Releaser checkin = this::checkin;
    private volatile boolean closed;

    private DefaultEngine(Url url, EngineOptions options) {
        this.url = url;
        this.options = options;
        this.driver = DriverSupport.of(url.backend());
        this.log = StatementLog.of(options);
        this.autocommit = options.isolationLevel() == IsolationLevel.AUTOCOMMIT;
        this.poolSize = url.isMemory() ? 1 : options.poolSize();
        this.overflowAllowed = !url.isMemory() && options.maxOverflow() > 0;
        this.recycleNanos = options.recycle() == null ? 0 : options.recycle().toNanos();
        this.source = new PoolDataSource(url, driver, options.connectArgs(),
                id -> fire(PoolEvent.Kind.CONNECT, id, null));
        this.pool = open(config());
        this.poolBean = pool.getHikariPoolMXBean();
    }

    /**
     * Creates an engine and opens its first connection, so a wrong URL or a database that is down fails here.
     *
     * @throws InterfaceException   for options the backend cannot honour
     * @throws OperationalException when the database cannot be reached
     */
    public static Engine create(Url url, EngineOptions options) {
        Checks.notNull(url, "the database URL");
        Checks.notNull(options, "the engine options");
        IsolationLevel level = options.isolationLevel();
        if (url.backend() == Backend.SQLITE && level != null && level != IsolationLevel.SERIALIZABLE
                && level != IsolationLevel.AUTOCOMMIT) {
            throw new InterfaceException("SQLite supports only the SERIALIZABLE and AUTOCOMMIT isolation levels, not "
                    + level);
        }
        return new DefaultEngine(url, options);
    }

    private HikariConfig config() {
        var config = new HikariConfig();
        config.setPoolName("vellum-" + url.backend().scheme() + "-" + ENGINES.incrementAndGet());
        config.setDataSource(source);
        config.setAutoCommit(autocommit);
        IsolationLevel level = options.isolationLevel();
        if (level != null && level != IsolationLevel.AUTOCOMMIT) {
            config.setTransactionIsolation("TRANSACTION_" + level.name());
        }
        config.setConnectionTimeout(options.poolTimeout().toMillis());
        if (url.isMemory()) {
            // one connection for the engine's lifetime: closing it would drop the in-memory database
            config.setMinimumIdle(1);
            config.setMaximumPoolSize(1);
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
        } else {
            // recycle is Vellum's check at checkout; HikariCP keeps its own 30-minute lifetime as a backstop
            config.setMinimumIdle(poolSize);
            config.setMaximumPoolSize(poolSize + options.maxOverflow());
        }
        if (options.leakDetectionThreshold() != null) {
            config.setLeakDetectionThreshold(options.leakDetectionThreshold().toMillis());
        }
        if (MICROMETER) {
            MicrometerMetrics.install(config);
        }
        return config;
    }

    private HikariDataSource open(HikariConfig config) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof VellumException v) {
                    throw v; // the driver's own failure, already mapped: "cannot connect to ... at host:port"
                }
            }
            throw new OperationalException("cannot start the connection pool for " + url + ": " + e.getMessage(),
                    new dev.vellum.error.DatabaseException.Detail(null, null, 0, false), e);
        }
    }

    // --- checkout and checkin

    @Override
    public Connection connect() {
        return checkout(false);
    }

    @Override
    public Transaction begin() {
        return checkout(true);
    }

    private DefaultConnection checkout(boolean scoped) {
        if (closed) {
            throw new InterfaceException("the engine is closed (" + url + ")");
        }
        java.sql.Connection jdbc;
        if (options.timeCheckouts()) {
            long start = System.nanoTime();
            jdbc = borrow();
            recordWait(System.nanoTime() - start);
        } else {
            jdbc = borrow();
            checkouts.increment();
        }
        if (overflowAllowed) {
            checkedOut.incrementAndGet();
        }
        if (!listeners.isEmpty() || options.echoPool()) {
            fire(PoolEvent.Kind.CHECKOUT, idOf(jdbc), null);
        }
        return new DefaultConnection(jdbc, url, driver, checkin, log, autocommit, options.statementTimeout(), scoped);
    }

    private java.sql.Connection borrow() {
        int attempts = poolSize + options.maxOverflow() + 1;
        for (int attempt = 1; ; attempt++) {
            java.sql.Connection jdbc;
            try {
                jdbc = pool.getConnection();
            } catch (SQLException e) {
                throw poolFailure(e);
            }
            String stale = staleness(jdbc);
            if (stale == null) {
                return jdbc;
            }
            invalidate(jdbc, stale);
            if (attempt == attempts) {
                throw new OperationalException("no live connection after " + attempts + " checkouts from the pool of "
                        + url + " (each failed its " + stale + " check)",
                        new dev.vellum.error.DatabaseException.Detail(null, null, 0, true), null);
            }
        }
    }

    /** Why a checked-out connection must not be used ({@code recycle}, {@code pre-ping}), or {@code null}. */
    private String staleness(java.sql.Connection jdbc) {
        if (recycleNanos > 0) {
            PoolDataSource.Born born = source.born(physical(jdbc));
            if (born != null && System.nanoTime() - born.openedNanos() > recycleNanos) {
                return "recycle";
            }
        }
        if (options.prePing()) {
            try {
                if (!jdbc.isValid(PING_TIMEOUT_SECONDS)) {
                    return "pre-ping";
                }
            } catch (SQLException e) {
                return "pre-ping";
            }
        }
        return null;
    }

    private void checkin(java.sql.Connection jdbc, boolean broken) {
        boolean reportable = !listeners.isEmpty() || options.echoPool();
        long id = reportable ? idOf(jdbc) : 0;
        int stillOut = overflowAllowed ? checkedOut.decrementAndGet() : 0;
        boolean evict = broken || overflowAllowed && overflowing(stillOut);
        // close (HikariCP resets what the user changed, such as autocommit) before evicting: an evicted connection's
        // pool entry has no connection left to reset, and closing it afterwards fails inside HikariCP
        Connector.closeQuietly(jdbc);
        if (evict) {
            pool.evictConnection(jdbc);
        }
        if (reportable) {
            fire(PoolEvent.Kind.CHECKIN, id, null);
            if (evict) {
                fire(PoolEvent.Kind.INVALIDATE, id, broken ? "broken" : "overflow");
            }
        }
    }

    /** True when returning a connection would leave more than {@code poolSize} idle ones. */
    private boolean overflowing(int stillOut) {
        return poolBean.getTotalConnections() - stillOut > poolSize;
    }

    private void invalidate(java.sql.Connection jdbc, String reason) {
        long id = idOf(jdbc);
        pool.evictConnection(jdbc);
        Connector.closeQuietly(jdbc);
        fire(PoolEvent.Kind.INVALIDATE, id, reason);
    }

    private RuntimeException poolFailure(SQLException e) {
        if (closed || pool.isClosed()) {
            return new InterfaceException("the engine is closed (" + url + ")");
        }
        Throwable cause = e.getCause();
        String last = cause == null ? "" : "; the last attempt to open a connection failed: " + cause.getMessage();
        return new PoolTimeoutException("no connection free within the " + options.poolTimeout().toMillis()
                + " ms pool timeout: the pool of " + url + " holds at most " + (poolSize + maxOverflowOrZero())
                + " connections (poolSize " + poolSize + " + maxOverflow " + maxOverflowOrZero() + "), all in use"
                + last, e);
    }

    private int maxOverflowOrZero() {
        return url.isMemory() ? 0 : options.maxOverflow();
    }

    private static java.sql.Connection physical(java.sql.Connection proxy) {
        try {
            return proxy.unwrap(java.sql.Connection.class);
        } catch (SQLException e) {
            return proxy;
        }
    }

    private long idOf(java.sql.Connection jdbc) {
        PoolDataSource.Born born = source.born(physical(jdbc));
        return born == null ? 0 : born.id();
    }

    // --- schema

    @Override
    public void createAll(MetaData metadata) {
        Checks.notNull(metadata, "the metadata");
        createSorted(metadata.sortedTables());
    }

    @Override
    public void createAll(Collection<? extends Table> tables) {
        createSorted(MetaData.dependencyOrder(Checks.notNull(tables, "the tables")));
    }

    private void createSorted(List<Table> tables) {
        useTransaction(conn -> {
            for (Table table : tables) {
                conn.execute(Sql.createTable(table));
                for (Index index : table.indexes()) {
                    conn.execute(Sql.createIndex(index));
                }
            }
        });
    }

    @Override
    public void dropAll(MetaData metadata) {
        Checks.notNull(metadata, "the metadata");
        dropSorted(metadata.sortedTables());
    }

    @Override
    public void dropAll(Collection<? extends Table> tables) {
        dropSorted(MetaData.dependencyOrder(Checks.notNull(tables, "the tables")));
    }

    private void dropSorted(List<Table> tables) {
        useTransaction(conn -> {
            for (int i = tables.size() - 1; i >= 0; i--) {
                conn.execute(Sql.dropTable(tables.get(i)));
            }
        });
    }

    @Override
    public Inspector inspector() {
        return new CatalogInspector(this);
    }

    @Override
    public MetaData reflect() {
        return inspector().reflect();
    }

    @Override
    public Dialect dialect() {
        return Dialects.forName(url.backend().scheme());
    }

    // --- transactions

    @Override
    public <R, X extends Exception> R inTransaction(ConnectionCallback<R, X> work) throws X {
        Checks.notNull(work, "the transaction callback");
        try (DefaultConnection conn = checkout(false)) {
            R result;
            try {
                result = work.withConnection(conn);
            } catch (Throwable failure) {
                rollbackAfter(conn, failure);
                throw failure;
            }
            conn.commit();
            return result;
        }
    }

    private static void rollbackAfter(DefaultConnection conn, Throwable failure) {
        try {
            conn.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(Retry retry, ConnectionCallback<R, X> work) throws X {
        Checks.notNull(retry, "the retry policy");
        long start = System.nanoTime();
        List<RuntimeException> earlier = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (RuntimeException failure) {
                Duration pause = pauseBefore(retry, attempt, failure, start);
                if (pause == null) {
                    earlier.forEach(failure::addSuppressed);
                    throw failure;
                }
                earlier.add(failure);
                sleep(pause, failure, earlier);
            }
        }
    }

    /** How long to wait before running again, or {@code null} when the failure must be thrown. */
    private static Duration pauseBefore(Retry retry, int attempt, RuntimeException failure, long startNanos) {
        if (attempt >= retry.maxAttempts() || !retry.isRetryable(failure)) {
            return null;
        }
        Duration backoff = retry.backoffAfter(attempt);
        if (retry.jitter() && backoff.toNanos() > 0) {
            backoff = Duration.ofNanos(ThreadLocalRandom.current().nextLong(backoff.toNanos() + 1));
        }
        long elapsed = System.nanoTime() - startNanos;
        return elapsed + backoff.toNanos() > retry.budget().toNanos() ? null : backoff;
    }

    private static void sleep(Duration pause, RuntimeException failure, List<RuntimeException> earlier) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            earlier.remove(failure);
            earlier.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    @Override
    public <X extends Exception> void useTransaction(ConnectionConsumer<X> work) throws X {
        Checks.notNull(work, "the transaction callback");
        inTransaction(conn -> {
            work.useConnection(conn);
            return null;
        });
    }

    @Override
    public <X extends Exception> void useTransaction(Retry retry, ConnectionConsumer<X> work) throws X {
        Checks.notNull(work, "the transaction callback");
        inTransaction(retry, conn -> {
            work.useConnection(conn);
            return null;
        });
    }

    // --- events and statistics

    @Override
    public void addPoolListener(PoolListener listener) {
        listeners.add(Checks.notNull(listener, "the pool listener"));
    }

    @Override
    public void addStatementListener(StatementListener listener) {
        log.addListener(Checks.notNull(listener, "the statement listener"));
    }

    @Override
    public void removeStatementListener(StatementListener listener) {
        log.removeListener(listener);
    }

    private void fire(PoolEvent.Kind kind, long id, String reason) {
        if (options.echoPool()) {
            POOL_LOG.info("{} connection {}{} ({})", kind.name().toLowerCase(java.util.Locale.ROOT), id,
                    reason == null ? "" : ": " + reason, pool == null ? "starting" : pool.getPoolName());
        }
        if (listeners.isEmpty()) {
            return;
        }
        var event = new PoolEvent(kind, id, reason);
        for (PoolListener listener : listeners) {
            switch (kind) {
                case CONNECT -> listener.onConnect(event);
                case CHECKOUT -> listener.onCheckout(event);
                case CHECKIN -> listener.onCheckin(event);
                case INVALIDATE -> listener.onInvalidate(event);
            }
        }
    }

    private void recordWait(long nanos) {
        checkouts.increment();
        waitNanos.add(nanos);
        long max = maxWaitNanos.get();
        while (nanos > max && !maxWaitNanos.compareAndSet(max, nanos)) {
            max = maxWaitNanos.get();
        }
    }

    @Override
    public PoolStats poolStats() {
        return new PoolStats(poolBean.getActiveConnections(), poolBean.getIdleConnections(),
                poolBean.getThreadsAwaitingConnection(), poolBean.getTotalConnections(), checkouts.sum(),
                Duration.ofNanos(waitNanos.sum()), Duration.ofNanos(maxWaitNanos.get()));
    }

    @Override
    public Url url() {
        return url;
    }

    @Override
    public EngineOptions options() {
        return options;
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, DefaultEngine.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
