package dev.vellum.orm.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Result;
import dev.vellum.error.StaleDataException;
import dev.vellum.orm.SessionListener;
import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;

/**
 * The last step of a flush: deleted objects leave loaded collections, their join-table rows go, and their rows are
 * deleted children first (level by level along the foreign keys as loaded), with the version check for versioned
 * entities and a row-count check for the rest.
 */
final class Deletes {
    private final DefaultSession session;
    private final List<SessionListener> listeners;

    Deletes(DefaultSession session, List<SessionListener> listeners) {
        this.session = session;
        this.listeners = listeners;
    }

    private Connection conn() {
        return session.connection();
    }

    private List<Entry> entries() {
        return session.entries();
    }

    void run() {
        var deletes = new ArrayList<Entry>();
        for (Entry e : session.entries()) {
            if (e.state == Entry.State.DELETED) {
                deletes.add(e);
            }
        }
        if (deletes.isEmpty()) {
            return;
        }
        deletes.sort(Flush.BY_TABLE_AND_ID);
        var groups = new ArrayList<List<Entry>>();
        for (List<Entry> level : deleteOrder(deletes)) {
            Map<EntityType<?>, List<Entry>> byRoot = new LinkedHashMap<>();
            for (Entry e : level) {
                byRoot.computeIfAbsent(e.type.root, k -> new ArrayList<>()).add(e);
            }
            groups.addAll(byRoot.values());
        }
        for (List<Entry> group : groups) {
            for (Entry e : group) {
                for (SessionListener l : listeners) {
                    l.beforeDelete(e.entity);
                }
            }
        }
        deleteLinks(deletes);
        for (List<Entry> group : groups) {
            deleteGroup(group.getFirst().type.root, group);
        }
        for (List<Entry> group : groups) {
            for (Entry e : group) {
                session.forget(e);
                for (SessionListener l : listeners) {
                    l.afterDelete(e.entity);
                }
            }
        }
        Set<Object> gone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Entry e : deletes) {
            gone.add(e.entity);
        }
        unlink(session, gone);
    }

    /**
     * Takes deleted objects out of the loaded collections of the session's objects (a deleted child from its
     * parent's one-to-many, a deleted tag from every many-to-many holding it), as their rows are gone: the next
     * flush would otherwise find them there and try to save them again.
     *
     * @param gone the deleted objects, an identity set
     */
    static void unlink(DefaultSession session, Set<Object> gone) {
        if (gone.isEmpty()) {
            return;
        }
        for (Entry e : session.entries()) {
            for (RelationMapping r : e.type.relations) {
                if (!r.toMany()) {
                    continue;
                }
                Collection<Object> items = Sync.rawItems(r, e.entity);
                if (items != null && items.stream().anyMatch(gone::contains)) {
                    items.removeIf(gone::contains);
                }
                List<Object> before = e.collection(r);
                if (before != null && before.stream().anyMatch(gone::contains)) {
                    e.remember(r, before.stream().filter(o -> !gone.contains(o)).toList());
                }
            }
        }
    }

    private void deleteLinks(List<Entry> deletes) {
        Map<RelationMapping, List<Object>> byRelation = new LinkedHashMap<>();
        for (Entry e : deletes) {
            for (RelationMapping r : e.type.relations) {
                if (r.kind == RelationMapping.Kind.MANY_TO_MANY) {
                    byRelation.computeIfAbsent(r, k -> new ArrayList<>()).add(e.id());
                }
            }
        }
        for (var rel : byRelation.entrySet()) {
            RelationMapping r = rel.getKey();
            for (List<Object> chunk : Loader.chunks(rel.getValue())) {
                conn().execute(Sql.delete(r.joinTable).where(Conditions.keyIn(r.joinOwner, chunk))).close();
            }
        }
    }

    /** Levels of deletes: an object whose row refers to another deleted object goes in an earlier level. */
    private List<List<Entry>> deleteOrder(List<Entry> deletes) {
        Map<Entry, Integer> blockers = new IdentityHashMap<>();
        Map<Entry, List<Entry>> blocks = new IdentityHashMap<>();
        Set<Entry> deleting = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        deleting.addAll(deletes);
        for (Entry e : deletes) {
            blockers.putIfAbsent(e, 0);
            for (int i = 0; i < e.type.slots.size(); i++) {
                if (e.type.slots.get(i) instanceof Slot.Key k && k.part() == 0) {
                    Object key = e.foreignKey(k.relation());
                    Entry parent = key == null ? null : session.entry(new EntityKey(k.relation().target.root, key));
                    if (parent != null && parent != e && deleting.contains(parent)) {
                        blockers.merge(parent, 1, Integer::sum);
                        blocks.computeIfAbsent(e, x -> new ArrayList<>()).add(parent);
                    }
                }
            }
        }
        var levels = new ArrayList<List<Entry>>();
        var remaining = new LinkedHashSet<Entry>(deletes);
        while (!remaining.isEmpty()) {
            var level = new ArrayList<Entry>();
            for (Entry e : remaining) {
                if (blockers.get(e) == 0) {
                    level.add(e);
                }
            }
            if (level.isEmpty()) {
                level.addAll(remaining);
            }
            for (Entry e : level) {
                remaining.remove(e);
                for (Entry parent : blocks.getOrDefault(e, List.of())) {
                    blockers.merge(parent, -1, Integer::sum);
                }
            }
            levels.add(level);
        }
        return levels;
    }

    private void deleteGroup(EntityType<?> root, List<Entry> entries) {
        List<Column<?>> key = Loader.idColumns(root);
        if (root.versionSlot >= 0) {
            Column<?> version = root.slots.get(root.versionSlot).column();
            for (Entry e : entries) {
                Object expected = e.snapshot[root.versionSlot];
                long count;
                try (Result r = conn().execute(Sql.delete(root.table).where(Sql.and(
                        Conditions.keyEquals(key, e.id()), Conditions.eq(version, expected))))) {
                    count = r.rowCount();
                }
                if (count == 0) {
                    throw Stale.of(e, expected, "DELETE");
                }
            }
            return;
        }
        var ids = new ArrayList<Object>();
        for (Entry e : entries) {
            ids.add(e.id());
        }
        for (List<Object> chunk : Loader.chunks(ids)) {
            long count;
            try (Result r = conn().execute(Sql.delete(root.table).where(Conditions.keyIn(key, chunk)))) {
                count = r.rowCount();
            }
            if (count >= 0 && count != chunk.size()) {
                throw new StaleDataException("DELETE from " + root.table.name() + " expected to delete "
                        + chunk.size() + " rows; " + count + " matched (deleted by another transaction)", null);
            }
        }
    }
}
