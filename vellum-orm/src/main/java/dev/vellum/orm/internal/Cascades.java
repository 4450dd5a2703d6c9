package dev.vellum.orm.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import dev.vellum.error.InterfaceException;
import jakarta.persistence.CascadeType;

/**
 * The first step of a flush: what relationships imply before anything is written. Orphans of
 * {@code orphanRemoval} collections and the targets of REMOVE cascades become deleted; new objects reached through
 * PERSIST cascades become pending, and a new object reached without one is refused with a message naming the
 * relationship; both sides of one-to-many and one-to-one links are put in step.
 */
final class Cascades {
    private final DefaultSession session;

    Cascades(DefaultSession session) {
        this.session = session;
    }

    private List<Entry> entries() {
        return session.entries();
    }

    void run() {
        for (Entry e : session.entries()) {
            if (e.state == Entry.State.PERSISTENT) {
                orphans(e);
                replacedOneToOne(e);
            }
        }
        cascadeRemove();
        cascadePersist();
    }

    /**
     * For each inverse one-to-one of {@code e} whose target was replaced since it was loaded or flushed: the old
     * target lets go of {@code e} (its foreign key becomes NULL), or is deleted under {@code orphanRemoval}.
     */
    private void replacedOneToOne(Entry e) {
        for (RelationMapping r : e.type.relations) {
            List<Object> before = e.collection(r);
            if (r.toMany() || r.ownsKey() || r.partner == null || before == null || before.isEmpty()) {
                continue;
            }
            Object value = r.accessor.get(e.entity);
            if (value instanceof LazyRef<?> lazy && !lazy.isLoaded()) {
                continue;
            }
            Object old = before.getFirst();
            Entry oldEntry = session.entryOf(old);
            if (EntityType.unwrap(value) == old || oldEntry == null || oldEntry.state != Entry.State.PERSISTENT
                    || r.partner.targetOf(old) != e.entity) {
                continue;
            }
            if (r.orphanRemoval) {
                oldEntry.state = Entry.State.DELETED;
            } else {
                r.partner.accessor.set(old, null);
            }
        }
    }

    /**
     * Marks deleted the elements an {@code orphanRemoval} collection lost since it was loaded or flushed, unless
     * they moved to another parent (their many-to-one points at it).
     */
    private void orphans(Entry e) {
        for (RelationMapping r : e.type.relations) {
            List<Object> before = e.collection(r);
            if (!r.orphanRemoval || !r.toMany() || before == null) {
                continue;
            }
            Collection<Object> items = Sync.rawItems(r, e.entity);
            if (items == null) {
                continue;
            }
            for (Object old : before) {
                Entry orphan = session.entryOf(old);
                Object parent = r.partner == null ? null : r.partner.targetOf(old);
                boolean moved = parent != null && parent != e.entity;
                if (orphan != null && orphan.state == Entry.State.PERSISTENT && !Sync.containsSame(items, old)
                        && !moved) {
                    orphan.state = Entry.State.DELETED;
                }
            }
        }
    }

    /** Deletes what deleted objects hold through relationships with REMOVE cascade or orphan removal. */
    private void cascadeRemove() {
        var removals = new ArrayDeque<Entry>();
        for (Entry e : session.entries()) {
            if (e.state == Entry.State.DELETED) {
                removals.add(e);
            }
        }
        Set<Entry> removed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (!removals.isEmpty()) {
            Entry e = removals.poll();
            if (!removed.add(e)) {
                continue;
            }
            for (RelationMapping r : e.type.relations) {
                if (!r.cascades(CascadeType.REMOVE) && !r.orphanRemoval) {
                    continue;
                }
                for (Object item : itemsLoading(e, r)) {
                    Entry child = session.entryOf(item);
                    if (child != null && child.state == Entry.State.PENDING) {
                        session.forget(child);
                    } else if (child != null && child.state == Entry.State.PERSISTENT) {
                        child.state = Entry.State.DELETED;
                        removals.add(child);
                    }
                }
            }
        }
    }

    /** Adds new objects reached through PERSIST cascades; refuses new objects reached without one. */
    private void cascadePersist() {
        Deque<Entry> work = new ArrayDeque<>();
        for (Entry e : entries()) {
            if (e.state != Entry.State.DELETED) {
                work.add(e);
            }
        }
        Set<Entry> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (!work.isEmpty()) {
            Entry e = work.poll();
            if (!seen.add(e) || e.state == Entry.State.DELETED) {
                continue;
            }
            for (RelationMapping r : e.type.relations) {
                if (r.toMany()) {
                    cascadeCollection(e, r, work);
                    continue;
                }
                Object target = r.targetOf(e.entity);
                if (target != null) {
                    reach(e, r, target, work);
                    if (r.partner != null && !r.ownsKey() && r.partner.targetOf(target) == null) {
                        r.partner.accessor.set(target, r.partner.shape == RelationMapping.Shape.REF
                                ? Refs.of(e.entity) : e.entity);
                    }
                }
            }
        }
    }

    private void cascadeCollection(Entry e, RelationMapping r, Deque<Entry> work) {
        Object value = r.accessor.get(e.entity);
        Collection<?> items;
        if (value instanceof Tracked t) {
            items = t.tracker().loadedItems();
        } else {
            items = value == null ? List.of() : (Collection<?>) value;
            Loader.setCollection(r, e.entity, new RelationCollection(e.entity, r, null, items));
        }
        if (items == null) {
            return;
        }
        for (Object item : items) {
            Entry ie = session.entryOf(item);
            if (ie != null && ie.state == Entry.State.DELETED) {
                continue;
            }
            reach(e, r, item, work);
            if (r.kind == RelationMapping.Kind.ONE_TO_MANY && r.partner.targetOf(item) == null) {
                r.partner.accessor.set(item, r.partner.shape == RelationMapping.Shape.REF ? Refs.of(e.entity)
                        : e.entity);
            }
        }
    }

    private void reach(Entry owner, RelationMapping r, Object target, Deque<Entry> work) {
        Entry te = session.entryOf(target);
        if (te != null) {
            if (te.state == Entry.State.DELETED && !r.toMany()) {
                throw new InterfaceException(r.path() + " of " + owner + " refers to " + te
                        + ", which is deleted in this flush");
            }
            return;
        }
        if (wasThere(owner, r, target)) {
            return;
        }
        if (!r.cascades(CascadeType.PERSIST) && !r.cascades(CascadeType.MERGE)) {
            throw new InterfaceException(r.path() + " of " + owner + " refers to a new " + target.getClass()
                    .getSimpleName() + " that is not in the session: add() it, or set cascade = CascadeType.PERSIST"
                    + " on " + r.path());
        }
        session.add(target);
        work.add(session.entryOf(target));
    }

    /**
     * True when {@code target}, which is not in the session, was already there when {@code owner} was loaded or
     * last flushed (in its collection, or as the row its foreign key holds): it was expunged since, its row is in the
     * database, and it is no new object to save.
     */
    private static boolean wasThere(Entry owner, RelationMapping r, Object target) {
        if (r.toMany()) {
            List<Object> before = owner.collection(r);
            return before != null && Sync.containsSame(before, target);
        }
        if (!r.ownsKey() || owner.snapshot == null) {
            return false;
        }
        Object id = r.target.id(target);
        return id != null && id.equals(owner.foreignKey(r));
    }

    /** The current elements of a relationship, loading it if it is not loaded. */
    private List<Object> itemsLoading(Entry e, RelationMapping r) {
        if (!r.toMany()) {
            Object value = r.accessor.get(e.entity);
            if (value instanceof LazyRef<?> ref && !ref.isLoaded() || value == null && !r.ownsKey()) {
                session.loader().load(r, List.of(e.entity));
            }
            Object target = r.targetOf(e.entity);
            return target == null ? List.of() : List.of(target);
        }
        Object value = r.accessor.get(e.entity);
        if (value instanceof Tracked t && !t.tracker().isLoaded()) {
            session.loader().load(r, List.of(e.entity));
            value = r.accessor.get(e.entity);
        }
        return value == null ? List.of() : new ArrayList<>((Collection<?>) value);
    }
}
