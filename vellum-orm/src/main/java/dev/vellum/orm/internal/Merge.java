package dev.vellum.orm.internal;

import java.util.ArrayList;
import java.util.Collection;

import dev.vellum.error.StaleDataException;
import jakarta.persistence.CascadeType;

/**
 * {@code session.merge(detached)}: the session's own object for the same row (loaded if needed) receives the
 * detached object's column values and to-one references, and collections that cascade MERGE are merged element by
 * element. A detached object whose version is older than the row's is refused, as an update would be.
 */
final class Merge {
    private Merge() {
    }

    static <T> T merge(DefaultSession session, T detached) {
        EntityType<?> type = session.mapped(detached, "merge");
        if (session.entryOf(detached) != null) {
            return detached;
        }
        Object id = type.id(detached);
        Object managed = id == null ? null : session.get(type.type, id);
        if (managed == null) {
            @SuppressWarnings("unchecked")
            T copy = (T) type.instantiate();
            copyState(session, type, detached, copy, !type.generatedId);
            session.add(copy);
            return copy;
        }
        Entry entry = session.entryOf(managed);
        if (type.versionSlot >= 0) {
            Object given = type.value(detached, type.versionSlot);
            Object current = entry.snapshot[type.versionSlot];
            if (given != null && !given.equals(current)) {
                throw new StaleDataException("merge of " + entry + ": the given object is at version " + given
                        + " but the row is at " + current + "; reload it", null);
            }
        }
        copyState(session, type, detached, managed, false);
        @SuppressWarnings("unchecked")
        T result = (T) managed;
        return result;
    }

    private static void copyState(DefaultSession session, EntityType<?> type, Object from, Object to,
                                  boolean withId) {
        for (int i = 0; i < type.slots.size(); i++) {
            if (type.slots.get(i) instanceof Slot.Basic b && (withId || !isId(type, i)) && i != type.versionSlot) {
                b.accessor().set(to, b.accessor().get(from));
            }
        }
        for (RelationMapping r : type.relations) {
            if (r.toMany()) {
                if (r.cascades(CascadeType.MERGE) && Sync.rawItems(r, from) != null) {
                    var merged = new ArrayList<Object>();
                    for (Object item : Sync.rawItems(r, from)) {
                        merged.add(merge(session, item));
                    }
                    @SuppressWarnings("unchecked")
                    Collection<Object> target = (Collection<Object>) r.accessor.get(to);
                    if (target == null) {
                        r.accessor.set(to, merged);
                    } else {
                        target.clear();
                        target.addAll(merged);
                    }
                }
                continue;
            }
            Object value = r.accessor.get(from);
            if (value instanceof LazyRef<?> lazy && !lazy.isLoaded()) {
                continue;
            }
            Object target = EntityType.unwrap(value);
            Object resolved = target == null ? null : resolve(session, r, target);
            r.accessor.set(to, r.shape == RelationMapping.Shape.REF ? Refs.of(resolved) : resolved);
        }
    }

    private static Object resolve(DefaultSession session, RelationMapping r, Object target) {
        if (session.entryOf(target) != null) {
            return target;
        }
        if (r.cascades(CascadeType.MERGE)) {
            return merge(session, target);
        }
        Object id = r.target.id(target);
        Object managed = id == null ? null : session.get(r.target.type, id);
        return managed == null ? target : managed;
    }

    private static boolean isId(EntityType<?> type, int slot) {
        for (int i : type.idSlots) {
            if (i == slot) {
                return true;
            }
        }
        return false;
    }
}
