package dev.vellum.orm.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vellum.engine.Result;
import dev.vellum.engine.Row;
import dev.vellum.orm.LoadStrategy;
import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.Select;

/**
 * Turns rows into objects for a session: one object per row identity (an object already in the session is
 * returned as it is, unflushed changes included), then the relationships of the objects just loaded, each with
 * its strategy: to-ones and {@code SELECTIN} collections with one {@code IN} query per relationship for the whole
 * batch, {@code LAZY} and {@code RAISE} ones wired to a {@link Lazy} batch.
 */
final class Loader {
    /** Ids per {@code IN} list: well inside every driver's bind limit. */
    static final int IN_CHUNK = 500;

    private final DefaultSession session;

    Loader(DefaultSession session) {
        this.session = session;
    }

    /** Runs {@code select} (whose first columns are {@code type}'s table's) and loads one object per row. */
    <T> List<T> query(EntityType<T> type, Select select, Map<RelationMapping, LoadStrategy> overrides,
                      List<RelationMapping> joined) {
        var loaded = new ArrayList<Object>();
        var result = new ArrayList<T>();
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        boolean mayRepeat = !(select.from().size() == 1 && select.from().getFirst() instanceof Table);
        List<Map<Object, List<Object>>> found = new ArrayList<>();
        for (int i = 0; i < joined.size(); i++) {
            found.add(new IdentityHashMap<>());
        }
        try (Result rows = session.connection().execute(select)) {
            List<Column<?>> columns = type.table.columns();
            for (Row row : rows) {
                Object entity = hydrate(type, values(row, 0, columns), loaded);
                if (!mayRepeat || seen.add(entity)) {
                    result.add(type.type.cast(entity));
                }
                int offset = columns.size();
                for (int i = 0; i < joined.size(); i++) {
                    EntityType<?> target = joined.get(i).target;
                    List<Column<?>> targetColumns = target.root.table.columns();
                    Object[] values = values(row, offset, targetColumns);
                    offset += targetColumns.size();
                    List<Object> items = found.get(i).computeIfAbsent(entity, k -> new ArrayList<>());
                    if (values[target.root.tableIndex[target.root.idSlots[0]]] != null) {
                        Object child = hydrate(target, values, loaded);
                        if (target.type.isInstance(child) && !Sync.containsSame(items, child)) {
                            items.add(child);
                        }
                    }
                }
            }
        }
        for (int i = 0; i < joined.size(); i++) {
            assignJoined(joined.get(i), result, found.get(i));
        }
        relations(loaded, overrides, Set.copyOf(joined));
        loadPresent(result, loaded, overrides);
        return result;
    }

    /** Puts what a {@code LEFT JOIN} brought for relationship {@code r} into each owner of the result. */
    private void assignJoined(RelationMapping r, List<?> result, Map<Object, List<Object>> found) {
        var owners = new ArrayList<Object>();
        var byOwner = new HashMap<Object, List<Object>>();
        for (Object owner : result) {
            if (!r.owner.type.isInstance(owner)) {
                continue;
            }
            List<Object> items = found.getOrDefault(owner, List.of());
            if (r.ownsKey()) {
                setToOne(r, owner, items.isEmpty() ? null : items.getFirst(), keyOf(r, owner));
            } else {
                owners.add(owner);
                byOwner.put(session.entryOf(owner).id(), items);
            }
        }
        if (!owners.isEmpty()) {
            assign(r, owners, byOwner);
        }
    }

    private void loadPresent(List<?> result, List<Object> loaded, Map<RelationMapping, LoadStrategy> overrides) {
        if (overrides.isEmpty() || result.size() == loaded.size()) {
            return;
        }
        Set<Object> fresh = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        fresh.addAll(loaded);
        for (var o : overrides.entrySet()) {
            RelationMapping r = o.getKey();
            if (o.getValue() != LoadStrategy.SELECTIN && o.getValue() != LoadStrategy.JOINED) {
                continue;
            }
            var owners = new ArrayList<Object>();
            for (Object entity : result) {
                Object value = r.owner.type.isInstance(entity) && !fresh.contains(entity) ? r.accessor.get(entity)
                        : null;
                if (value instanceof Tracked t && !t.tracker().isLoaded()
                        || value instanceof LazyRef<?> ref && !ref.isLoaded()) {
                    owners.add(entity);
                }
            }
            if (!owners.isEmpty()) {
                load(r, owners);
            }
        }
    }

    /** The objects of {@code type} with these ids (one {@code IN} query per chunk), by id; missing ids absent. */
    Map<Object, Object> byIds(EntityType<?> type, Collection<?> ids) {
        var found = new HashMap<Object, Object>();
        var missing = new ArrayList<Object>();
        for (Object id : ids) {
            Entry e = session.entry(new EntityKey(type.root, id));
            if (e != null) {
                found.put(id, e.entity);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        List<Column<?>> key = idColumns(type.root);
        var loaded = new ArrayList<Object>();
        List<Column<?>> columns = type.root.table.columns();
        for (List<Object> chunk : chunks(missing)) {
            Select select = Sql.select(type.root.table).where(Conditions.keyIn(key, chunk));
            try (Result rows = session.connection().execute(select)) {
                for (Row row : rows) {
                    hydrate(type.root, values(row, 0, columns), loaded);
                }
            }
        }
        for (Object id : missing) {
            Entry e = session.entry(new EntityKey(type.root, id));
            if (e != null && type.type.isInstance(e.entity)) {
                found.put(id, e.entity);
            }
        }
        relations(loaded, Map.of());
        return found;
    }

    /** Re-reads {@code entry}'s row into its object, dropping unflushed changes; false when the row is gone. */
    boolean refresh(Entry entry) {
        EntityType<?> root = entry.type.root;
        Select select = Sql.select(root.table).where(Conditions.keyEquals(idColumns(root), entry.id()));
        Object[] values;
        try (Result rows = session.connection().execute(select)) {
            Row row = rows.oneOrNull();
            if (row == null) {
                return false;
            }
            values = values(row, 0, root.table.columns());
        }
        Object[] slots = slotRow(entry.type, values, 0);
        entry.type.write(entry.entity, slots);
        entry.snapshot = slots;
        entry.forgetCollections();
        relations(List.of(entry.entity), Map.of());
        return true;
    }

    // --- rows to objects

    /** The values of {@code columns}, read from {@code row} starting at {@code from}, as the columns' Java types. */
    static Object[] values(Row row, int from, List<Column<?>> columns) {
        var v = new Object[columns.size()];
        for (int i = 0; i < v.length; i++) {
            SqlType<?> type = columns.get(i).type();
            v[i] = type.fromDatabase(row.get(from + i, type.readAs()));
        }
        return v;
    }

    private static Object[] slotRow(EntityType<?> concrete, Object[] tableValues, int offset) {
        int[] index = concrete.tableIndex;
        var slots = new Object[index.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = tableValues[offset + index[i]];
        }
        return slots;
    }

    /**
     * The object for one row of {@code type}'s table ({@code values} holds every column of the table): the
     * session's object for that identity if it has one, else a new one registered in the session and added to
     * {@code loaded}.
     */
    Object hydrate(EntityType<?> type, Object[] values, List<Object> loaded) {
        EntityType<?> concrete = type;
        if (!type.root.subtypes.isEmpty()) {
            int discriminator = discriminatorIndex(type.root);
            concrete = type.concreteFor(values[discriminator]);
        }
        Object[] slots = slotRow(concrete, values, 0);
        Object id = concrete.idFromRow(slots);
        var key = new EntityKey(concrete.root, id);
        Entry existing = session.entry(key);
        if (existing != null) {
            return existing.entity;
        }
        Object entity = concrete.instantiate();
        concrete.write(entity, slots);
        var entry = new Entry(entity, concrete, Entry.State.PERSISTENT);
        entry.key = key;
        entry.snapshot = slots;
        session.register(entry);
        loaded.add(entity);
        return entity;
    }

    private static int discriminatorIndex(EntityType<?> root) {
        for (int i = 0; i < root.slots.size(); i++) {
            if (root.slots.get(i) instanceof Slot.Discriminator) {
                return root.tableIndex[i];
            }
        }
        throw new IllegalStateException(root.name() + " has subtypes but no discriminator");
    }

    // --- relationships of freshly loaded objects

    /** Sets up every relationship of {@code loaded} objects with its strategy (or the query's override). */
    void relations(List<Object> loaded, Map<RelationMapping, LoadStrategy> overrides) {
        relations(loaded, overrides, Set.of());
    }

    /** {@link #relations(List, Map)}, leaving out relationships already loaded ({@code done}). */
    private void relations(List<Object> loaded, Map<RelationMapping, LoadStrategy> overrides,
                           Set<RelationMapping> done) {
        if (loaded.isEmpty()) {
            return;
        }
        Map<RelationMapping, List<Object>> owners = new LinkedHashMap<>();
        for (Object entity : loaded) {
            for (RelationMapping r : session.entryOf(entity).type.relations) {
                owners.computeIfAbsent(r, k -> new ArrayList<>()).add(entity);
            }
        }
        for (var e : owners.entrySet()) {
            RelationMapping r = e.getKey();
            if (done.contains(r)) {
                continue;
            }
            LoadStrategy strategy = overrides.getOrDefault(r, r.strategy);
            if (r.shape == RelationMapping.Shape.ENTITY || strategy == LoadStrategy.SELECTIN
                    || strategy == LoadStrategy.JOINED) {
                load(r, e.getValue());
            } else {
                defer(r, e.getValue(), strategy == LoadStrategy.RAISE);
            }
        }
    }

    private void defer(RelationMapping r, List<Object> owners, boolean raise) {
        var lazy = new Lazy(session, r, owners, raise);
        for (Object owner : owners) {
            if (r.toMany()) {
                setCollection(r, owner, new RelationCollection(owner, r, lazy, null));
            } else if (r.ownsKey()) {
                Object id = keyOf(r, owner);
                Entry target = id == null ? null : session.entry(new EntityKey(r.target.root, id));
                var ref = new LazyRef<>(lazy, owner, id);
                if (id == null || target != null) {
                    ref.resolve(target == null ? null : target.entity);
                }
                r.accessor.set(owner, ref);
            } else {
                r.accessor.set(owner, new LazyRef<>(lazy, owner, null));
            }
        }
    }

    /** Loads relationship {@code r} for {@code owners} now (those that still need it). */
    void load(RelationMapping r, List<Object> owners) {
        if (r.ownsKey()) {
            loadToOne(r, owners);
        } else if (r.kind == RelationMapping.Kind.MANY_TO_MANY) {
            loadManyToMany(r, owners);
        } else {
            loadInverse(r, owners);
        }
    }

    /** The foreign key of owner's to-one {@code r}, from its row as loaded. */
    private Object keyOf(RelationMapping r, Object owner) {
        return session.entryOf(owner).foreignKey(r);
    }

    private void loadToOne(RelationMapping r, List<Object> owners) {
        var keys = new LinkedHashSet<Object>();
        for (Object owner : owners) {
            Object key = keyOf(r, owner);
            if (key != null) {
                keys.add(key);
            }
        }
        Map<Object, Object> targets = byIds(r.target, keys);
        for (Object owner : owners) {
            Object key = keyOf(r, owner);
            setToOne(r, owner, key == null ? null : targets.get(key), key);
        }
    }

    /** Sets owner's to-one field {@code r} to {@code target}, resolving its lazy {@code Ref} if it holds one. */
    private static void setToOne(RelationMapping r, Object owner, Object target, Object key) {
        if (r.shape != RelationMapping.Shape.REF) {
            r.accessor.set(owner, target);
            return;
        }
        if (r.accessor.get(owner) instanceof LazyRef<?> lazy && !lazy.isLoaded()) {
            lazy.resolve(target);
        } else {
            var ref = new LazyRef<>(null, owner, key);
            ref.resolve(target);
            r.accessor.set(owner, ref);
        }
    }

    /** One-to-many and inverse one-to-one: the targets whose foreign key (the partner's) points at an owner. */
    private void loadInverse(RelationMapping r, List<Object> owners) {
        RelationMapping partner = r.partner;
        EntityType<?> target = r.target;
        Map<Object, List<Object>> byOwner = new HashMap<>();
        var ids = new ArrayList<Object>();
        for (Object owner : owners) {
            Object id = session.entryOf(owner).id();
            if (id != null) {
                ids.add(id);
                byOwner.put(id, new ArrayList<>());
            }
        }
        var loaded = new ArrayList<Object>();
        List<Column<?>> columns = target.root.table.columns();
        for (List<Object> chunk : chunks(ids)) {
            Select select = Sql.select(target.root.table).where(Conditions.keyIn(partner.keyColumns, chunk));
            select = orderById(select, target);
            try (Result rows = session.connection().execute(select)) {
                for (Row row : rows) {
                    Object child = hydrate(target, values(row, 0, columns), loaded);
                    if (target.type.isInstance(child)) {
                        Object ownerId = keyOf(partner, child);
                        List<Object> list = byOwner.get(ownerId);
                        if (list != null && !Sync.containsSame(list, child)) {
                            list.add(child);
                        }
                    }
                }
            }
        }
        relations(loaded, Map.of());
        assign(r, owners, byOwner);
    }

    private void loadManyToMany(RelationMapping r, List<Object> owners) {
        EntityType<?> target = r.target;
        Map<Object, List<Object>> byOwner = new HashMap<>();
        var ids = new ArrayList<Object>();
        for (Object owner : owners) {
            Object id = session.entryOf(owner).id();
            if (id != null) {
                ids.add(id);
                byOwner.put(id, new ArrayList<>());
            }
        }
        List<Column<?>> targetColumns = target.root.table.columns();
        var selected = new ArrayList<Expression<?>>(targetColumns);
        selected.addAll(r.joinOwner);
        List<Column<?>> targetIds = idColumns(target.root);
        Condition on = Sql.and(java.util.stream.IntStream.range(0, targetIds.size())
                .mapToObj(i -> eqColumns(r.joinTarget.get(i), targetIds.get(i))).toArray(Condition[]::new));
        var loaded = new ArrayList<Object>();
        int width = targetColumns.size();
        for (List<Object> chunk : chunks(ids)) {
            Select select = Sql.select(selected).from(target.root.table.join(r.joinTable, on))
                    .where(Conditions.keyIn(r.joinOwner, chunk));
            try (Result rows = session.connection().execute(select)) {
                for (Row row : rows) {
                    Object child = hydrate(target, values(row, 0, targetColumns), loaded);
                    Object[] ownerKey = values(row, width, r.joinOwner);
                    Object ownerId = ownerKey.length == 1 ? ownerKey[0] : List.of(ownerKey);
                    List<Object> list = byOwner.get(ownerId);
                    if (list != null) {
                        list.add(child);
                    }
                }
            }
        }
        relations(loaded, Map.of());
        assign(r, owners, byOwner);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Condition eqColumns(Column<?> a, Column<?> b) {
        return ((Column) a).eq((Expression) b);
    }

    private static Select orderById(Select select, EntityType<?> target) {
        return select.orderBy(idColumns(target.root).toArray(Expression<?>[]::new));
    }

    private void assign(RelationMapping r, List<Object> owners, Map<Object, List<Object>> byOwner) {
        for (Object owner : owners) {
            Entry e = session.entryOf(owner);
            List<Object> items = byOwner.getOrDefault(e.id(), List.of());
            if (!r.toMany()) {
                Object single = items.isEmpty() ? null : items.getFirst();
                setToOne(r, owner, single, null);
                e.remember(r, items.isEmpty() ? List.of() : List.of(single));
                continue;
            }
            Object current = r.accessor.get(owner);
            if (current instanceof Tracked t && !t.tracker().isLoaded()) {
                t.tracker().resolve(items);
            } else {
                setCollection(r, owner, new RelationCollection(owner, r, null, items));
            }
            e.remember(r, List.copyOf(items));
        }
    }

    /** Puts a tracked list or set around {@code tracker} into the owner's field. */
    static void setCollection(RelationMapping r, Object owner, RelationCollection tracker) {
        r.accessor.set(owner, r.shape == RelationMapping.Shape.SET ? new RelationSet<>(tracker)
                : new RelationList<>(tracker));
    }

    static List<Column<?>> idColumns(EntityType<?> type) {
        var columns = new ArrayList<Column<?>>(type.idSlots.length);
        for (int i : type.idSlots) {
            columns.add(type.slots.get(i).column());
        }
        return columns;
    }

    static <E> List<List<E>> chunks(List<E> items) {
        var out = new ArrayList<List<E>>();
        for (int i = 0; i < items.size(); i += IN_CHUNK) {
            out.add(items.subList(i, Math.min(items.size(), i + IN_CHUNK)));
        }
        return out;
    }

    static <E> List<List<E>> chunks(Collection<E> items) {
        return chunks(new ArrayList<>(items));
    }
}
