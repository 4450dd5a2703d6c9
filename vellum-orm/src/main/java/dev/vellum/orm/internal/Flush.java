package dev.vellum.orm.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
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
import dev.vellum.orm.SessionListener;
import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.ast.Assignment;
import dev.vellum.sql.ast.Insert;
import dev.vellum.sql.ast.Update;

/**
 * One flush of a session, the unit of work: cascades and orphans first; then updates of the changed columns only
 * (with the version check) of the objects whose keys need no new row, so a unique value can move from an old row to
 * a new one; then inserts in foreign-key order (parents before children, level by level, each level as Core
 * multi-row {@code INSERT ... RETURNING} batches per table, a table's rows in the order their objects were added);
 * then the other updates, join-table changes, and deletes, children before parents. A row cycle is broken by
 * inserting one foreign key as NULL and updating it after.
 */
final class Flush {
    /** Updates and deletes run in this order, the same every time, to keep lock order predictable. */
    static final Comparator<Entry> BY_TABLE_AND_ID = Comparator.comparing((Entry e) -> e.type.table.name())
            .thenComparing(Entry::id, Flush::compareIds);

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
            entry.remember(r, List.of());
            for (Object item : items) {
                Sync.linked(r, entry.entity, item);
            }
        }
    }

    void run() {
        for (SessionListener l : listeners) {
            l.beforeFlush(session);
        }
        new Cascades(session).run();
        var inserts = new ArrayList<Entry>();
        for (Entry e : session.added()) {
            if (e.state == Entry.State.PENDING) {
                inserts.add(e);
            }
        }
        updateAll(e -> !refersToPending(e));
        insertAll(inserts);
        session.added().removeIf(e -> e.state != Entry.State.PENDING);
        updateAll(e -> true);
        new Links(session).run();
        new Deletes(session, listeners).run();
        snapshotRelations();
        for (SessionListener l : listeners) {
            l.afterFlush(session);
        }
    }

    private Connection conn() {
        return session.connection();
    }

    private List<Entry> entries() {
        return session.entries();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareIds(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? b == null ? 0 : 1 : -1;
        }
        if (a instanceof Comparable x && a.getClass() == b.getClass()) {
            return x.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    // --- inserts

    private void insertAll(List<Entry> inserts) {
        Map<Entry, Set<RelationMapping>> deferred = new IdentityHashMap<>();
        if (inserts.isEmpty()) {
            return;
        }
        Map<Entry, List<Dependency>> dependsOn = new IdentityHashMap<>(inserts.size());
        Map<Entry, List<Entry>> dependents = new IdentityHashMap<>();
        Map<Entry, Integer> waiting = new IdentityHashMap<>(inserts.size());
        for (Entry e : inserts) {
            List<Dependency> deps = List.of();
            for (RelationMapping r : e.type.relations) {
                if (!r.ownsKey()) {
                    continue;
                }
                Object target = r.targetOf(e.entity);
                Entry te = target == null ? null : session.entryOf(target);
                if (te != null && te.state == Entry.State.PENDING) {
                    if (deps.isEmpty()) {
                        deps = new ArrayList<>();
                    }
                    deps.add(new Dependency(r, te));
                    dependents.computeIfAbsent(te, k -> new ArrayList<>()).add(e);
                }
            }
            dependsOn.put(e, deps);
            waiting.put(e, deps.size());
        }
        var remaining = new LinkedHashSet<Entry>(inserts);
        while (!remaining.isEmpty()) {
            List<Entry> level = nextLevel(remaining, waiting);
            if (level.isEmpty()) {
                level = List.of(breakCycle(remaining, dependsOn, waiting, deferred));
            }
            insertLevel(level, deferred);
            for (Entry done : level) {
                remaining.remove(done);
                for (Entry d : dependents.getOrDefault(done, List.of())) {
                    waiting.merge(d, -1, Integer::sum);
                }
            }
        }
    }

    private record Dependency(RelationMapping relation, Entry target) {
    }

    /**
     * The objects to insert next: those no longer waiting for a parent, except that a table's rows keep the order
     * their objects were added in (so ids grow in that order): a row waits while a row of its table added before it
     * still waits for a parent. When that holds back every row (a row waits for one of its own table added after
     * it), all rows not waiting for a parent go.
     */
    private static List<Entry> nextLevel(Set<Entry> remaining, Map<Entry, Integer> waiting) {
        var level = new ArrayList<Entry>();
        var ready = new ArrayList<Entry>();
        Set<EntityType<?>> blocked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Entry e : remaining) {
            if (waiting.get(e) > 0) {
                blocked.add(e.type.root);
                continue;
            }
            ready.add(e);
            if (!blocked.contains(e.type.root)) {
                level.add(e);
            }
        }
        return level.isEmpty() ? ready : level;
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
                    SqlType<?> idType = idColumn.type();
                    Object id = idType.fromDatabase(key.get(0, idType.readAs()));
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

    /**
     * Records the collections of a just inserted object as they are in the database: its one-to-many elements are
     * written (they point at it), its many-to-many links are not yet, so {@link #links()} inserts all of them.
     */
    private static void snapshotCollections(Entry e) {
        for (RelationMapping r : e.type.relations) {
            if (r.kind == RelationMapping.Kind.MANY_TO_MANY) {
                e.remember(r, List.of());
            } else {
                snapshot(e, r);
            }
        }
    }

    /**
     * Records what a one-to-many or an inverse one-to-one of {@code e} holds now, for the next flush to compare
     * with (orphans, replaced targets); an unloaded one is left as it is.
     */
    private static void snapshot(Entry e, RelationMapping r) {
        if (r.toMany()) {
            Collection<Object> items = Sync.rawItems(r, e.entity);
            if (items != null) {
                e.remember(r, List.copyOf(items));
            }
        } else if (!r.ownsKey() && r.partner != null) {
            Object value = r.accessor.get(e.entity);
            if (!(value instanceof LazyRef<?> lazy) || lazy.isLoaded()) {
                Object target = EntityType.unwrap(value);
                e.remember(r, target == null ? List.of() : List.of(target));
            }
        }
    }

    /** After the writes: the relationships of every persistent object as they now are in the database. */
    private void snapshotRelations() {
        for (Entry e : session.entries()) {
            if (e.state != Entry.State.PERSISTENT) {
                continue;
            }
            for (RelationMapping r : e.type.relations) {
                if (r.kind != RelationMapping.Kind.MANY_TO_MANY) {
                    snapshot(e, r);
                }
            }
        }
    }

    // --- updates

    /**
     * Updates the changed columns of the persistent objects {@code which} accepts. Run twice: before the inserts for
     * the objects whose foreign keys refer to no pending object (as SQLAlchemy updates a table before inserting into
     * it, so a unique value can move from an old row to a new one), then for the rest, including the foreign keys
     * that broke a cycle of inserts.
     */
    private void updateAll(java.util.function.Predicate<Entry> which) {
        var dirty = new ArrayList<Entry>();
        for (Entry e : session.entries()) {
            if (e.state == Entry.State.PERSISTENT && changed(e, e.type.row(e.entity)).length > 0 && which.test(e)) {
                dirty.add(e);
            }
        }
        dirty.sort(BY_TABLE_AND_ID);
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
    }

    /** True when a foreign key of {@code e} refers to an object still to be inserted. */
    private boolean refersToPending(Entry e) {
        for (RelationMapping r : e.type.relations) {
            if (r.ownsKey()) {
                Object target = r.targetOf(e.entity);
                Entry te = target == null ? null : session.entryOf(target);
                if (te != null && te.state == Entry.State.PENDING) {
                    return true;
                }
            }
        }
        return false;
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

}
