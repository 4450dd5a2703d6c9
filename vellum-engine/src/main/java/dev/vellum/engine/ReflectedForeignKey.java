package dev.vellum.engine;

import java.util.List;

import dev.vellum.sql.ReferentialAction;

/**
 * A foreign key, from {@link Inspector#foreignKeys(String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name            the constraint name, or {@code null} where the database keeps none (SQLite unless
 *                        declared with {@code CONSTRAINT name})
 * @param columns         the referencing columns, in key order
 * @param referredSchema  the schema (PostgreSQL) or database (MariaDB) of the referenced table when it is not the
 *                        inspected one, else {@code null}
 * @param referredTable   the referenced table
 * @param referredColumns the referenced columns, in the same order as {@code columns}
 * @param onDelete        what deleting a referenced row does; {@link ReferentialAction#NO_ACTION} when not
 *                        declared (MariaDB reports an undeclared action as {@link ReferentialAction#RESTRICT},
 *                        which it treats the same way)
 * @param onUpdate        what updating a referenced key does, likewise
 * @since 0.1
 */
public record ReflectedForeignKey(String name, List<String> columns, String referredSchema, String referredTable,
                                  List<String> referredColumns, ReferentialAction onDelete,
                                  ReferentialAction onUpdate) {
    /** Copies the lists. */
    public ReflectedForeignKey {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
    }
}
