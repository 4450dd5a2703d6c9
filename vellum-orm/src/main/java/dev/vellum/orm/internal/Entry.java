package dev.vellum.orm.internal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session's record of one object: its mapping, identity, lifecycle state, the row as last loaded or flushed
 * (what dirty tracking compares with) and the contents of its collections and inverse one-to-ones at that time (what
 * orphan removal, join-table changes and replaced one-to-one targets compare with).
 */
final class Entry {
    /** Where an object is in its session's unit of work. */
    enum State { PENDING, PERSISTENT, DELETED }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Orders the entries of a session as it got them (loaded or added). */
    final long seq = SEQUENCE.incrementAndGet();
    final Object entity;
    final EntityType<?> type;
    EntityKey key;
    State state;
    Object[] snapshot;
    private Map<RelationMapping, List<Object>> collections;

    Entry(Object entity, EntityType<?> type, State state) {
        this.entity = entity;
        this.type = type;
        this.state = state;
    }

    /**
     * The foreign key of the to-one {@code relation} in the row as last loaded or flushed: the value, a list of
     * parts, or {@code null} when any part is null.
     */
    Object foreignKey(RelationMapping relation) {
        var parts = new Object[relation.keyColumns.size()];
        for (int i = 0; i < type.slots.size(); i++) {
            if (type.slots.get(i) instanceof Slot.Key k && k.relation() == relation) {
                parts[k.part()] = snapshot[i];
            }
        }
        for (Object p : parts) {
            if (p == null) {
                return null;
            }
        }
        return parts.length == 1 ? parts[0] : List.of(parts);
    }

    /** The elements of collection {@code relation} when last loaded or flushed, or {@code null} if not known. */
    List<Object> collection(RelationMapping relation) {
        return collections == null ? null : collections.get(relation);
    }

    /** Records the elements of collection {@code relation} as loaded or flushed now. */
    void remember(RelationMapping relation, List<Object> items) {
        if (collections == null) {
            collections = new IdentityHashMap<>(4);
        }
        collections.put(relation, items);
    }

    /** Forgets every recorded collection (after a refresh). */
    void forgetCollections() {
        collections = null;
    }

    /** The id as last loaded or flushed, in key form. */
    Object id() {
        return key == null ? null : key.id();
    }

    @Override
    public String toString() {
        return type.name() + (key == null ? "(new)" : "#" + key.id());
    }
}
