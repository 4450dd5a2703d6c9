package dev.vellum.orm.internal;

import java.util.Collection;

/**
 * Keeps the two sides of a bidirectional relationship in step in memory: what one side's collection gains or
 * loses, the other side's field or collection shows at once (when that side is loaded; unloaded sides read the
 * truth from the database after the flush).
 */
final class Sync {
    private Sync() {
    }

    /**
     * {@code element} was added to {@code owner}'s collection {@code relation}; for a one-to-many, an element that
     * had another parent also leaves that parent's loaded collection, as it can be in one only.
     */
    static void linked(RelationMapping relation, Object owner, Object element) {
        RelationMapping partner = relation.partner;
        if (partner == null || element == null) {
            return;
        }
        if (!partner.toMany()) {
            Object previous = partner.targetOf(element);
            if (previous != owner) {
                if (previous != null && relation.owner.type.isInstance(previous)) {
                    Collection<Object> old = rawItems(relation, previous);
                    if (old != null) {
                        old.removeIf(o -> o == element);
                    }
                }
                partner.accessor.set(element, partner.shape == RelationMapping.Shape.REF ? Refs.of(owner) : owner);
            }
            return;
        }
        Collection<Object> other = rawItems(partner, element);
        if (other != null && !containsSame(other, owner)) {
            other.add(owner);
        }
    }

    /** {@code element} was removed from {@code owner}'s collection {@code relation}. */
    static void unlinked(RelationMapping relation, Object owner, Object element) {
        RelationMapping partner = relation.partner;
        if (partner == null || element == null) {
            return;
        }
        if (!partner.toMany()) {
            if (partner.targetOf(element) == owner) {
                partner.accessor.set(element, null);
            }
            return;
        }
        Collection<Object> other = rawItems(partner, element);
        if (other != null) {
            other.removeIf(o -> o == owner);
        }
    }

    /** The loaded elements behind {@code holder}'s collection field, bypassing its own syncing; null if unloaded. */
    @SuppressWarnings("unchecked")
    static Collection<Object> rawItems(RelationMapping relation, Object holder) {
        Object value = relation.accessor.get(holder);
        if (value instanceof Tracked t) {
            return t.tracker().loadedItems();
        }
        return (Collection<Object>) value;
    }

    static boolean containsSame(Collection<?> items, Object o) {
        for (Object item : items) {
            if (item == o) {
                return true;
            }
        }
        return false;
    }
}
