package dev.vellum.engine;

/**
 * Told about each statement an engine's connections send, as SQLAlchemy's {@code before_cursor_execute} event:
 * for counting queries in tests, tracing or auditing. A batch or a multi-row insert is one call per statement sent.
 * Called on the thread running the statement, before it runs; keep it short. Implementations must be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface StatementListener {
    /** {@code sql} is about to run (its bind values are not given: they may be secrets). */
    void beforeStatement(String sql);
}
