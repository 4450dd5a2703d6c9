package dev.vellum.engine;

import java.time.Duration;

/**
 * A snapshot of an engine's pool, from {@link Engine#poolStats()}.
 *
 * @param active    connections checked out now
 * @param idle      connections open and free now
 * @param pending   threads waiting for a connection now
 * @param total     connections open now ({@code active + idle})
 * @param checkouts checkouts since the engine was created
 * @param totalWait the time spent waiting for connections, summed over all checkouts (zero unless the engine
 *                  was created with {@code timeCheckouts(true)})
 * @param maxWait   the longest single wait (likewise)
 * @since 0.1
 */
public record PoolStats(int active, int idle, int pending, int total, long checkouts, Duration totalWait,
                        Duration maxWait) {
}
