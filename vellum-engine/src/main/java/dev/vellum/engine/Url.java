package dev.vellum.engine;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vellum.error.InterfaceException;

/**
 * A database URL as SQLAlchemy writes it: {@code backend[+driver]://user:password@host:port/database?opt=v}.
 *
 * <ul>
 *   <li>{@code sqlite:///relative.db}, {@code sqlite:////abs/path.db}, {@code sqlite://} (memory);</li>
 *   <li>{@code postgresql://user:pass@host:5432/db?sslmode=require};</li>
 *   <li>{@code mariadb://root@127.0.0.1/test}, {@code mysql://…} (both through the MariaDB driver).</li>
 * </ul>
 *
 * User name, password and query values are percent-decoded, so a password may hold any character when encoded
 * ({@code p%40ss} for {@code p@ss}). Query options are passed to the JDBC driver as connection properties. The
 * {@code +driver} part is accepted for compatibility with SQLAlchemy URLs and otherwise ignored: each backend has
 * one JDBC driver. {@link #toString()} masks the password, so a URL can be logged.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Url {
    private static final Pattern FORM = Pattern.compile(
            "(?<scheme>[A-Za-z][A-Za-z0-9]*)(?:\\+(?<driver>[A-Za-z0-9_]+))?://"
            + "(?:(?<user>[^:/?@]*)(?::(?<password>[^@]*))?@)?"
            + "(?:\\[(?<ipv6>[^\\]/?]+)]|(?<host>[^/:?]+))?"
            + "(?::(?<port>[^/?]*))?"
            + "(?:/(?<database>[^?]*))?"
            + "(?:\\?(?<query>.*))?",
            Pattern.DOTALL);
    private static final String MASK = "***";

    private final Backend backend;
    private final String driver;
    private final String username;
    private final String password;
    private final String host;
    private final Integer port;
    private final String database;
    private final Map<String, String> query;

    private Url(Backend backend, String driver, String username, String password, String host, Integer port,
                String database, Map<String, String> query) {
        this.backend = backend;
        this.driver = driver;
        this.username = username;
        this.password = password;
        this.host = host;
        this.port = port;
        this.database = database;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /**
     * Parses a URL.
     *
     * @throws InterfaceException when the text is not a database URL, names an unknown backend, has a bad port,
     *                            or gives a host to SQLite; the message shows the URL with its password masked
     */
    public static Url parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InterfaceException("database URL is empty: expected e.g. sqlite:///app.db or "
                    + "postgresql://user:pass@localhost/mydb");
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new InterfaceException("not a database URL: '" + maskRaw(text)
                    + "' (expected backend://user:pass@host:port/database, e.g. sqlite:///app.db)");
        }
        Backend backend;
        try {
            backend = Backend.forScheme(m.group("scheme"));
        } catch (InterfaceException e) {
            throw new InterfaceException(e.getMessage() + " (in URL " + maskRaw(text) + ")");
        }
        String host = m.group("ipv6") != null ? m.group("ipv6") : m.group("host");
        Integer port = parsePort(m.group("port"), text);
        String user = decode(m.group("user"));
        String password = decode(m.group("password"));
        String database = m.group("database");
        Map<String, String> query = parseQuery(m.group("query"), text);
        if (backend == Backend.SQLITE) {
            if (host != null || port != null || user != null) {
                throw new InterfaceException("a sqlite URL names a file, not a host: write sqlite:///relative.db, "
                        + "sqlite:////absolute/path.db or sqlite:// for memory (got " + maskRaw(text) + ")");
            }
            database = database == null || database.isEmpty() || database.equals(":memory:") ? null : database;
        } else {
            database = database == null || database.isEmpty() ? null : decode(database);
        }
        return new Url(backend, m.group("driver"), emptyToNull(user), password, host, port, database, query);
    }

    /** The database this URL points at. */
    public Backend backend() {
        return backend;
    }

    /** The {@code +driver} part of the scheme as written, or {@code null}. */
    public String driver() {
        return driver;
    }

    /** The decoded user name, or {@code null}. */
    public String username() {
        return username;
    }

    /** The decoded password, or {@code null}. Never printed by {@link #toString()}. */
    public String password() {
        return password;
    }

    /** The host, or {@code null} (the driver's default, localhost). */
    public String host() {
        return host;
    }

    /** The port, or {@code null} for the backend's default. */
    public Integer port() {
        return port;
    }

    /** The database name, or for SQLite the file path; {@code null} for SQLite memory. */
    public String database() {
        return database;
    }

    /** The decoded query options, in the order written; passed to the driver. */
    public Map<String, String> query() {
        return query;
    }

    /** True for {@code sqlite://} and {@code sqlite:///:memory:}. */
    public boolean isMemory() {
        return backend == Backend.SQLITE && database == null;
    }

    /** The host and port this URL connects to, for messages: {@code 127.0.0.1:5432}. */
    public String address() {
        String h = host == null ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        int p = port != null ? port : switch (backend) {
            case POSTGRESQL -> 5432;
            case MARIADB -> 3306;
            case SQLITE -> 0;
        };
        return h + ":" + p;
    }

    /** A copy with another database (or SQLite file path). */
    public Url withDatabase(String newDatabase) {
        return new Url(backend, driver, username, password, host, port, newDatabase, query);
    }

    /** A copy with one query option added or replaced. */
    public Url withOption(String key, String value) {
        var q = new LinkedHashMap<>(query);
        q.put(key, value);
        return new Url(backend, driver, username, password, host, port, database, q);
    }

    /**
     * Renders the URL; with {@code hidePassword} the password (and any {@code password} option) shows as
     * {@code ***}. {@code parse(url.render(false))} equals {@code url}.
     */
    public String render(boolean hidePassword) {
        var sb = new StringBuilder(backend.scheme());
        if (driver != null) {
            sb.append('+').append(driver);
        }
        sb.append("://");
        if (backend == Backend.SQLITE) {
            if (database != null) {
                sb.append('/').append(database);
            }
        } else {
            if (username != null) {
                sb.append(encode(username));
                if (password != null) {
                    sb.append(':').append(hidePassword ? MASK : encode(password));
                }
                sb.append('@');
            }
            if (host != null) {
                sb.append(host.contains(":") ? "[" + host + "]" : host);
            }
            if (port != null) {
                sb.append(':').append(port);
            }
            if (database != null) {
                sb.append('/').append(encode(database));
            }
        }
        if (!query.isEmpty()) {
            sb.append('?');
            var first = true;
            for (var e : query.entrySet()) {
                sb.append(first ? "" : "&").append(encode(e.getKey())).append('=');
                sb.append(hidePassword && isSecret(e.getKey()) ? MASK : encode(e.getValue()));
                first = false;
            }
        }
        return sb.toString();
    }

    /** The URL with its password masked: safe to log. */
    @Override
    public String toString() {
        return render(true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Url u && backend == u.backend && Objects.equals(driver, u.driver)
                && Objects.equals(username, u.username) && Objects.equals(password, u.password)
                && Objects.equals(host, u.host) && Objects.equals(port, u.port)
                && Objects.equals(database, u.database) && query.equals(u.query);
    }

    @Override
    public int hashCode() {
        return Objects.hash(backend, driver, username, password, host, port, database, query);
    }

    // --- parsing helpers

    private static boolean isSecret(String key) {
        return key.equalsIgnoreCase("password");
    }

    private static Integer parsePort(String text, String url) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            int p = Integer.parseInt(text);
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InterfaceException("bad port '" + text + "' in URL " + maskRaw(url) + ": expected 1-65535");
    }

    private static Map<String, String> parseQuery(String text, String url) {
        var out = new LinkedHashMap<String, String>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InterfaceException("bad option '" + pair + "' in URL " + maskRaw(url)
                        + ": expected name=value");
            }
            out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        if (s == null) {
            return null;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InterfaceException("bad percent-encoding in database URL: " + e.getMessage());
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Masks the password of a URL that may not parse, for error messages. */
    static String maskRaw(String text) {
        return text.replaceAll("(://[^:/?@]*:)[^@]*@", "$1" + MASK + "@")
                .replaceAll("(?i)([?&]password=)[^&]*", "$1" + MASK);
    }
}
