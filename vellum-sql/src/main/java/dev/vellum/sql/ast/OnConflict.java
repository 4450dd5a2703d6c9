package dev.vellum.sql.ast;

import java.util.List;

import dev.vellum.sql.Column;

/**
 * What an insert does when a row with the same key exists: nothing, or update it. PostgreSQL and SQLite use
 * {@code ON CONFLICT (target) DO ...}; MariaDB uses {@code ON DUPLICATE KEY UPDATE}, which fires on any unique
 * key, so its {@code target} is not part of the SQL there.
 *
 * @param target  the columns of the unique key that conflicts
 * @param updates the assignments; empty for {@code DO NOTHING}
 * @since 0.1
 */
public record OnConflict(List<Column<?>> target, List<Assignment> updates) {
    /** Copies the lists; the target must not be empty. */
    public OnConflict {
        target = List.copyOf(target);
        updates = List.copyOf(updates);
        if (target.isEmpty()) {
            throw new dev.vellum.error.InterfaceException("onConflict needs the columns of a unique key");
        }
    }

    /** True for {@code DO NOTHING}. */
    public boolean doNothing() {
        return updates.isEmpty();
    }
}
