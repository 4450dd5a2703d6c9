package dev.vellum.engine;

import dev.vellum.engine.internal.Connector;
import dev.vellum.engine.internal.DefaultEngine;

/**
 * The entry point: open a DB-API style {@link Connection} from a URL, or create a pooled {@link Engine}.
 *
 * <pre>{@code
 * try (var conn = Vellum.connect("sqlite:///app.db")) {
 *     conn.execute("INSERT INTO users (name, age) VALUES (?, ?)", "Alice", 30);
 *     conn.commit();
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class Vellum {
    private Vellum() {
    }

    /**
     * Opens a connection. SQLite files are opened in WAL mode with a busy timeout and foreign keys on, so
     * concurrent writers wait for each other instead of failing.
     *
     * @param url a URL as {@link Url} describes
     * @throws dev.vellum.error.InterfaceException   on a malformed URL, unknown backend or missing driver
     * @throws dev.vellum.error.OperationalException when the database cannot be reached (names host:port)
     */
    public static Connection connect(String url) {
        return connect(Url.parse(url));
    }

    /** Opens a connection to a parsed URL; see {@link #connect(String)}. */
    public static Connection connect(Url url) {
        return Connector.connect(url);
    }

    /**
     * Creates a pooled {@link Engine} with SQLAlchemy's default pool options; see {@link EngineOptions}.
     *
     * @throws dev.vellum.error.InterfaceException   on a malformed URL or options the backend cannot honour
     * @throws dev.vellum.error.OperationalException when the database cannot be reached
     */
    public static Engine createEngine(String url) {
        return createEngine(url, EngineOptions.defaults());
    }

    /** Creates a pooled {@link Engine} with these options; see {@link #createEngine(String)}. */
    public static Engine createEngine(String url, EngineOptions options) {
        return createEngine(Url.parse(url), options);
    }

    /** Creates a pooled {@link Engine} for a parsed URL; see {@link #createEngine(String)}. */
    public static Engine createEngine(Url url, EngineOptions options) {
        return DefaultEngine.create(url, options);
    }
}
