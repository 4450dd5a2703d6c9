package dev.vellum.engine.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Metrics;

/**
 * Publishes pool metrics (HikariCP's {@code hikaricp.connections.*} meters: active, idle, pending, total,
 * acquire time, usage, creation) to Micrometer's global registry. Micrometer is optional: this class is touched
 * only after {@link DefaultEngine} found Micrometer on the class path, since verifying it loads Micrometer.
 */
final class MicrometerMetrics {
    private MicrometerMetrics() {
    }

    static void install(HikariConfig config) {
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(Metrics.globalRegistry));
    }
}
