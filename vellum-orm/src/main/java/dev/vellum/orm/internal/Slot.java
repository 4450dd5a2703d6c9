package dev.vellum.orm.internal;

import dev.vellum.sql.Column;

/**
 * One column an entity type writes, and where its value comes from: a field ({@link Basic}), the id of the
 * object a to-one relationship points at ({@link Key}), or the entity type itself ({@link Discriminator}). An
 * entity's row is one value per slot, which is what dirty tracking compares.
 */
sealed interface Slot {
    /** The column. */
    Column<?> column();

    /** A field (possibly inside an {@code @Embedded} value). */
    record Basic(Column<?> column, Accessor accessor) implements Slot {
    }

    /** Part {@code part} of the id of the target of the owning to-one {@code relation}. */
    record Key(Column<?> column, RelationMapping relation, int part) implements Slot {
    }

    /** The discriminator column of single-table inheritance. */
    record Discriminator(Column<?> column) implements Slot {
    }
}
