package dev.vellum.sql;

import java.util.List;

/**
 * A foreign key: {@code columns} of one table reference {@code referenced} columns of another (or the same)
 * table.
 *
 * @param columns    the referencing columns
 * @param referenced the referenced columns, in the same order
 * @param onDelete   what deleting a referenced row does
 * @param onUpdate   what updating a referenced key does
 * @since 0.1
 */
public record ForeignKey(List<Column<?>> columns, List<Column<?>> referenced, ReferentialAction onDelete,
                         ReferentialAction onUpdate) {
    /** Copies the lists. */
    public ForeignKey {
        columns = List.copyOf(columns);
        referenced = List.copyOf(referenced);
    }

    /** The table the key references. */
    public Table referencedTable() {
        return referenced.getFirst().table();
    }
}
