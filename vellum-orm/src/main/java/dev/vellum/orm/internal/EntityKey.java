package dev.vellum.orm.internal;

/**
 * The identity of a row in a session: the root entity type of its hierarchy and its id (the value itself, or a
 * {@code List} of parts for a composite key).
 *
 * @param root the root of the entity's inheritance hierarchy
 * @param id   the id value or the list of its parts
 */
record EntityKey(EntityType<?> root, Object id) {
    @Override
    public String toString() {
        return root.name() + "#" + id;
    }
}
