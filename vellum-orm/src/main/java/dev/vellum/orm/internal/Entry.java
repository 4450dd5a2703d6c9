package dev.vellum.orm.internal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's record of one object: its mapping, identity, lifecycle state, the row as last loaded or flushed
 * (what dirty tracking compares with) and the contents of its collections at that time (what orphan removal and
 * join-table changes compare with).
 */
final class Entry {
    /** Where an object is in its session's unit of work. */
    enum State { PENDING, PERSISTENT, DELETED }

    final Object entity;
    final EntityType<?> type;
    EntityKey key;
    State state;
    Object[] snapshot;
    final Map<RelationMapping, List<Object>> collections = new IdentityHashMap<>();

    Entry(Object entity, EntityType<?> type, State state) {
        this.entity = entity;
        this.type = type;
        this.state = state;
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
