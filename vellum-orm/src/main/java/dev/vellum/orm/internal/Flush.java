package dev.vellum.orm.internal;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Result;
import dev.vellum.engine.Row;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.StaleDataException;
import dev.vellum.orm.SessionListener;
import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;
import dev.vellum.sql.ast.Assignment;
import dev.vellum.sql.ast.Insert;
import dev.vellum.sql.ast.Update;
import jakarta.persistence.CascadeType;

/**
 * One flush of a session, the unit of work: cascades and orphans first, then inserts in foreign-key order (parents
 * before children, level by level, each level as Core multi-row {@code INSERT ... RETURNING} batches per table),
 * then updates of the changed columns only (with the version check), join-table changes, and deletes, children
 * before parents. A row cycle is broken by inserting one foreign key as NULL and updating it after.
 */
final class Flush {
    private final DefaultSession session;
    private final List<SessionListener> listeners;

    Flush(DefaultSession session) {
        this.session = session;
        this.listeners = List.copyOf(session.listeners());
    }

    /** Puts tracked collections into a newly added object, syncing the other side of each. */
    static void track(DefaultSession session, Entry entry) {
        for (RelationMapping r : entry.type.relations) {
            if (!r.toMany()) {
                continue;
            }
            Object value = r.accessor.get(entry.entity);
            if (value instanceof Tracked) {
                continue;
            }
            Collection<?> items = value == null ? List.of() : (Collection<?>) value;
            Loader.setCollection(r, entry.entity, new RelationCollection(entry.entity, r, null, items));
            entry.collections.put(r, List.of());
            for (Object item : items) {
                Sync.linked(r, entry.entity, item);
            }
        }
    }

    void run() {
        for (SessionListener l : listeners) {
            l.beforeFlush(session);
        }
        cascade();
        var inserts = new ArrayList<Entry>();
        for (Entry e : session.added()) {
            if (e.state == Entry.State.PENDING) {
                inserts.add(e);
            }
        }
        Map<Entry, Set<RelationMapping>> deferred = insertAll(inserts);
        session.added().clear();
        updateAll(deferred);
        links();
        deleteAll();
        for (SessionListener l : listeners) {
            l.afterFlush(session);
        }
    }

    private Connection conn() {
        return session.connection();
    }

    // --- cascades and checks

    private void cascade() {
        for (Entry e : session.entries()) {
            if (e.state == Entry.State.PERSISTENT) {
                orphans(e);
            }
        }
        cascadeRemove();
        cascadePersist();
    }

    /** Marks deleted the elements an {@code orphanRemoval} collection lost since it was loaded or flushed. */
    private void orphans(Entry e) {
        for (RelationMapping r : e.type.relations) {
            List<Object> before = e.collections.get(r);
            if (!r.orphanRemoval || !r.toMany() || before == null) {
                continue;
            }
            Collection<Object> items = Sync.rawItems(r, e.entity);
            if (items == null) {
                continue;
            }
            for (Object old : before) {
                Entry orphan = session.entryOf(old);
                if (orphan != null && orphan.state == Entry.State.PERSISTENT && !Sync.containsSame(items, old)) {
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
        for (Entry e : session.entries()) {
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
        if (!r.cascades(CascadeType.PERSIST) && !r.cascades(CascadeType.MERGE)) {
            throw new InterfaceException(r.path() + " of " + owner + " refers to a new " + target.getClass()
                    .getSimpleName() + " that is not in the session: add() it, or set cascade = CascadeType.PERSIST"
                    + " on " + r.path());
        }
        session.add(target);
        work.add(session.entryOf(target));
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

    // --- inserts

    private Map<Entry, Set<RelationMapping>> insertAll(List<Entry> inserts) {
        Map<Entry, Set<RelationMapping>> deferred = new IdentityHashMap<>();
        if (inserts.isEmpty()) {
            return deferred;
        }
        Map<Entry, List<Dependency>> dependsOn = new IdentityHashMap<>();
        Map<Entry, List<Entry>> dependents = new IdentityHashMap<>();
        Map<Entry, Integer> waiting = new IdentityHashMap<>();
        for (Entry e : inserts) {
            var deps = new ArrayList<Dependency>();
            for (RelationMapping r : e.type.relations) {
                if (!r.ownsKey()) {
                    continue;
                }
                Object target = r.targetOf(e.entity);
                Entry te = target == null ? null : session.entryOf(target);
                if (te != null && te.state == Entry.State.PENDING) {
                    deps.add(new Dependency(r, te));
                    dependents.computeIfAbsent(te, k -> new ArrayList<>()).add(e);
                }
            }
            dependsOn.put(e, deps);
            waiting.put(e, deps.size());
        }
        var remaining = new LinkedHashSet<Entry>(inserts);
        List<Entry> level = new ArrayList<>();
        for (Entry e : inserts) {
            if (waiting.get(e) == 0) {
                level.add(e);
            }
        }
        while (!remaining.isEmpty()) {
            if (level.isEmpty()) {
                level.add(breakCycle(remaining, dependsOn, waiting, deferred));
            }
            insertLevel(level, deferred);
            var next = new ArrayList<Entry>();
            for (Entry done : level) {
                remaining.remove(done);
                for (Entry d : dependents.getOrDefault(done, List.of())) {
                    int left = waiting.merge(d, -1, Integer::sum);
                    if (left == 0 && remaining.contains(d)) {
                        next.add(d);
                    }
                }
            }
            level = next;
        }
        return deferred;
    }

    private record Dependency(RelationMapping relation, Entry target) {
    }

    /** Picks an object of a cycle whose foreign key may be NULL: it is inserted without it and updated after. */
    private Entry breakCycle(Set<Entry> remaining, Map<Entry, List<Dependency>> dependsOn,
                             Map<Entry, Integer> waiting, Map<Entry, Set<RelationMapping>> deferred) {
        for (Entry e : remaining) {
            if (waiting.get(e) == 0) {
                return e;
            }
        }
        for (Entry e : remaining) {
            List<Dependency> pendingDeps = dependsOn.get(e).stream().filter(d -> remaining.contains(d.target()))
                    .toList();
            boolean allNullable = pendingDeps.stream().allMatch(d -> d.relation().keyColumns.stream()
                    .allMatch(Column::isNullable));
            if (!pendingDeps.isEmpty() && allNullable) {
                var set = deferred.computeIfAbsent(e, k -> java.util.Collections.newSetFromMap(
                        new IdentityHashMap<>()));
                for (Dependency d : pendingDeps) {
                    set.add(d.relation());
                }
                waiting.put(e, 0);
                return e;
            }
        }
        throw new InterfaceException("cannot order the inserts of " + remaining + ": they refer to each other through "
                + "NOT NULL foreign keys only; make one of them nullable");
    }

    private void insertLevel(List<Entry> level, Map<Entry, Set<RelationMapping>> deferred) {
        Map<EntityType<?>, List<Entry>> byType = new LinkedHashMap<>();
        for (Entry e : level) {
            byType.computeIfAbsent(e.type, k -> new ArrayList<>()).add(e);
        }
        for (var group : byType.entrySet()) {
            insertGroup(group.getKey(), group.getValue(), deferred);
        }
    }

    private void insertGroup(EntityType<?> type, List<Entry> entries, Map<Entry, Set<RelationMapping>> deferred) {
        for (Entry e : entries) {
            for (SessionListener l : listeners) {
                l.beforeInsert(e.entity);
            }
            prepareNew(type, e.entity);
        }
        List<Column<?>> columns = new ArrayList<>();
        var written = new ArrayList<Integer>();
        int generated = type.generatedId ? type.idSlots[0] : -1;
        for (int i = 0; i < type.slots.size(); i++) {
            if (i != generated) {
                columns.add(type.slots.get(i).column());
                written.add(i);
            }
        }
        var rows = new ArrayList<Object[]>(entries.size());
        var maps = new ArrayList<Map<Column<?>, Object>>(entries.size());
        for (Entry e : entries) {
            Object[] row = type.row(e.entity);
            Set<RelationMapping> skip = deferred.get(e);
            if (skip != null) {
                for (int i = 0; i < row.length; i++) {
                    if (type.slots.get(i) instanceof Slot.Key k && skip.contains(k.relation())) {
                        row[i] = null;
                    }
                }
            }
            var map = new LinkedHashMap<Column<?>, Object>(columns.size() * 2);
            for (int i = 0; i < columns.size(); i++) {
                map.put(columns.get(i), row[written.get(i)]);
            }
            rows.add(row);
            maps.add(map);
        }
        if (generated >= 0) {
            Column<?> idColumn = type.slots.get(generated).column();
            Insert insert = Sql.insert(type.table).returning(idColumn);
            try (Result keys = conn().execute(insert, maps)) {
                int i = 0;
                for (Row key : keys) {
                    Object id = key.get(0);
                    type.setGeneratedId(entries.get(i).entity, id);
                    rows.get(i)[generated] = id;
                    i++;
                }
                if (i != entries.size()) {
                    throw new InterfaceException("the insert into " + type.table.name() + " returned " + i
                            + " keys for " + entries.size() + " rows");
                }
            }
        } else {
            conn().execute(Sql.insert(type.table), maps).close();
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            e.snapshot = rows.get(i);
            e.key = new EntityKey(type.root, type.idFromRow(e.snapshot));
            e.state = Entry.State.PERSISTENT;
            session.register(e);
            snapshotCollections(e);
            for (SessionListener l : listeners) {
                l.afterInsert(e.entity);
            }
        }
    }

    private static void prepareNew(EntityType<?> type, Object entity) {
        if (type.uuidId && type.id(entity) == null) {
            ((Slot.Basic) type.slots.get(type.idSlots[0])).accessor().set(entity, UUID.randomUUID());
        }
        if (!type.generatedId && type.id(entity) == null) {
            throw new InterfaceException("cannot insert " + type.name() + " without an id: set it, or annotate the id"
                    + " with @GeneratedValue");
        }
        if (type.versionSlot >= 0 && type.value(entity, type.versionSlot) == null) {
            var version = (Slot.Basic) type.slots.get(type.versionSlot);
            version.accessor().set(entity, versionValue(version.column(), 0));
        }
    }

    private static Object versionValue(Column<?> column, long value) {
        Class<?> t = column.type().javaType();
        return t == Long.class ? (Object) value : t == Integer.class ? (Object) (int) value : (Object) (short) value;
    }

    private static void snapshotCollections(Entry e) {
        for (RelationMapping r : e.type.relations) {
            if (r.toMany()) {
                Collection<Object> items = Sync.rawItems(r, e.entity);
                if (items != null) {
                    e.collections.put(r, List.copyOf(items));
                }
            }
        }
    }

    // --- updates

    private void updateAll(Map<Entry, Set<RelationMapping>> deferred) {
        var dirty = new ArrayList<Entry>();
        for (Entry e : session.entries()) {
            if (e.state == Entry.State.PERSISTENT && changed(e, e.type.row(e.entity)).length > 0) {
                dirty.add(e);
            }
        }
        dirty.sort(Comparator.comparing((Entry e) -> e.type.table.name()).thenComparing(e -> String.valueOf(e.id())));
        for (Entry e : dirty) {
            for (SessionListener l : listeners) {
                l.beforeUpdate(e.entity);
            }
            Object[] row = e.type.row(e.entity);
            int[] changed = changed(e, row);
            if (changed.length > 0) {
                update(e, row, changed);
            }
            for (SessionListener l : listeners) {
                l.afterUpdate(e.entity);
            }
        }
        deferred.clear();
    }

    private static int[] changed(Entry e, Object[] row) {
        int[] out = new int[row.length];
        int n = 0;
        for (int i = 0; i < row.length; i++) {
            if (!same(row[i], e.snapshot[i])) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private void update(Entry e, Object[] row, int[] changed) {
        EntityType<?> type = e.type;
        for (int i : type.idSlots) {
            if (!same(row[i], e.snapshot[i])) {
                throw new InterfaceException("the id of " + e + " was changed to " + row[i] + "; ids cannot change");
            }
        }
        var sets = new ArrayList<Assignment>();
        for (int i : changed) {
            Column<?> c = type.slots.get(i).column();
            sets.add(new Assignment(c, c.bindAny(row[i])));
        }
        var where = Conditions.keyEquals(Loader.idColumns(type), e.id());
        Object oldVersion = null;
        if (type.versionSlot >= 0) {
            var version = (Slot.Basic) type.slots.get(type.versionSlot);
            oldVersion = e.snapshot[type.versionSlot];
            Object next = versionValue(version.column(), ((Number) oldVersion).longValue() + 1);
            sets.add(new Assignment(version.column(), version.column().bindAny(next)));
            where = Sql.and(where, Conditions.eq(version.column(), oldVersion));
            version.accessor().set(e.entity, next);
            row[type.versionSlot] = next;
        }
        Update u = new Update(type.table, sets, List.of(), where, List.of());
        long count;
        try (Result r = conn().execute(u)) {
            count = r.rowCount();
        }
        if (count == 0) {
            throw Stale.of(e, oldVersion, "UPDATE");
        }
        e.snapshot = row;
    }

    // --- many-to-many links

    private void links() {
        Map<RelationMapping, Set<List<Object>>> adds = new LinkedHashMap<>();
        Map<RelationMapping, Set<List<Object>>> removes = new LinkedHashMap<>();
        for (Entry e : session.entries()) {
            if (e.state != Entry.State.PERSISTENT) {
                continue;
            }
            for (RelationMapping r : e.type.relations) {
                if (r.kind != RelationMapping.Kind.MANY_TO_MANY) {
                    continue;
                }
                Collection<Object> items = Sync.rawItems(r, e.entity);
                List<Object> before = e.collections.get(r);
                if (items == null || before == null) {
                    continue;
                }
                RelationMapping owning = r.ownsJoinTable() ? r : r.partner;
                for (Object item : items) {
                    if (!Sync.containsSame(before, item)) {
                        pair(adds, owning, r, e, item);
                    }
                }
                for (Object old : before) {
                    if (!Sync.containsSame(items, old)) {
                        pair(removes, owning, r, e, old);
                    }
                }
                e.collections.put(r, List.copyOf(items));
            }
        }
        for (var rm : removes.entrySet()) {
            RelationMapping owning = rm.getKey();
            for (List<Object> link : rm.getValue()) {
                conn().execute(Sql.delete(owning.joinTable).where(Sql.and(
                        Conditions.keyEquals(owning.joinOwner, link.get(0)),
                        Conditions.keyEquals(owning.joinTarget, link.get(1))))).close();
            }
        }
        for (var add : adds.entrySet()) {
            RelationMapping owning = add.getKey();
            var maps = new ArrayList<Map<Column<?>, Object>>();
            for (List<Object> link : add.getValue()) {
                var map = new LinkedHashMap<Column<?>, Object>();
                putKey(map, owning.joinOwner, link.get(0));
                putKey(map, owning.joinTarget, link.get(1));
                maps.add(map);
            }
            conn().execute(Sql.insert(owning.joinTable), maps).close();
        }
    }

    private void pair(Map<RelationMapping, Set<List<Object>>> into, RelationMapping owning, RelationMapping side,
                      Entry e, Object other) {
        Entry oe = session.entryOf(other);
        if (oe == null || oe.state != Entry.State.PERSISTENT) {
            return;
        }
        List<Object> link = side == owning ? List.of(e.id(), oe.id()) : List.of(oe.id(), e.id());
        into.computeIfAbsent(owning, k -> new LinkedHashSet<>()).add(link);
    }

    private static void putKey(Map<Column<?>, Object> map, List<Column<?>> columns, Object key) {
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), EntityType.part(key, i));
        }
    }

    // --- deletes

    private void deleteAll() {
        var deletes = new ArrayList<Entry>();
        for (Entry e : session.entries()) {
            if (e.state == Entry.State.DELETED) {
                deletes.add(e);
            }
        }
        if (deletes.isEmpty()) {
            return;
        }
        for (Entry e : deletes) {
            for (SessionListener l : listeners) {
                l.beforeDelete(e.entity);
            }
        }
        deleteLinks(deletes);
        for (List<Entry> level : deleteOrder(deletes)) {
            Map<EntityType<?>, List<Entry>> byRoot = new LinkedHashMap<>();
            for (Entry e : level) {
                byRoot.computeIfAbsent(e.type.root, k -> new ArrayList<>()).add(e);
            }
            for (var group : byRoot.entrySet()) {
                deleteGroup(group.getKey(), group.getValue());
            }
        }
        for (Entry e : deletes) {
            session.forget(e);
            for (SessionListener l : listeners) {
                l.afterDelete(e.entity);
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
                    Object key = keyFromSnapshot(e, k.relation());
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

    private static Object keyFromSnapshot(Entry e, RelationMapping r) {
        var parts = new Object[r.keyColumns.size()];
        for (int i = 0; i < e.type.slots.size(); i++) {
            if (e.type.slots.get(i) instanceof Slot.Key k && k.relation() == r) {
                parts[k.part()] = e.snapshot[i];
            }
        }
        for (Object p : parts) {
            if (p == null) {
                return null;
            }
        }
        return parts.length == 1 ? parts[0] : List.of(parts);
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
