package dev.vellum.engine.internal.driver;

import java.util.Properties;
import java.util.Set;

import dev.vellum.engine.Url;

/**
 * mariadb-java-client, for {@code mariadb://} and {@code mysql://} URLs. The driver's bulk protocol is on by
 * default and generated keys are never requested unless wanted (asking switches bulk off). On a loopback host
 * {@code sslMode=disable} is the default, since the 4.x driver otherwise insists on TLS that a local server
 * rarely has; any other host keeps the driver's default.
 */
final class MariaDbSupport extends DriverSupport {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    @Override
    public String jdbcUrl(Url url) {
        return "jdbc:mariadb://" + url.address() + "/" + (url.database() == null ? "" : url.database());
    }

    @Override
    protected void defaults(Url url, Properties props) {
        if (url.host() == null || LOOPBACK.contains(url.host())) {
            props.setProperty("sslMode", "disable");
        }
    }

    @Override
    public boolean batchesOnlyInsertValues() {
        return true;
    }

    @Override
    public boolean backslashEscapes() {
        return true;
    }
}
