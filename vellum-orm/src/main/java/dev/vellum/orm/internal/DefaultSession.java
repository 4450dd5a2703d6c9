package dev.vellum.orm.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Result;
import dev.vellum.engine.Row;
import dev.vellum.error.InterfaceException;
import dev.vellum.orm.LoadStrategy;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Query;
import dev.vellum.orm.Session;
import dev.vellum.orm.SessionListener;
import dev.vellum.orm.SessionTransaction;
import dev.vellum.orm.Tuple;
import dev.vellum.sql.Column;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.ast.Delete;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.Select;
import dev.vellum.sql.ast.SelectStatement;
import dev.vellum.sql.ast.Statement;
import dev.vellum.sql.ast.Update;
import jakarta.persistence.CascadeType;

/**
 * The {@link Session}: identity map, lifecycle of each object ({@link Entry}), a connection checked out on first
 * use and returned at commit, rollback and close. Loading is the {@link Loader}'s, writing the {@link Flush}'s.
 */
public final class DefaultSession implements Session {
    private final Orm orm;
    private final Engine engine;
    private final Map<EntityKey, Entry> byKey = new HashMap<>();
    private final Map<Object, Entry> byObject = new IdentityHashMap<>();
    private final List<Entry> ordered = new ArrayList<>();
    private int forgotten;
    private final List<Entry> added = new ArrayList<>();
    private final List<SessionListener> listeners = new ArrayList<>();
    private final Loader loader = new Loader(this);
    private Connection connection;
    private boolean closed;
    private boolean flushing;

    /** A session of {@code orm}, on its engine. */
    public DefaultSession(Orm orm, Engine engine) {
        this.orm = orm;
        this.engine = engine;
    }

    // --- bookkeeping used by Loader and Flush

    Entry entry(EntityKey key) {
        return byKey.get(key);
    }

    Entry entryOf(Object entity) {
        return byObject.get(entity);
    }

    void register(Entry entry) {
        if (byObject.put(entry.entity, entry) != entry) {
            ordered.add(entry);
        }
        if (entry.key != null) {
            byKey.put(entry.key, entry);
        }
    }

    void forget(Entry entry) {
        if (byObject.remove(entry.entity) == entry) {
            forgotten++;
        }
        if (entry.key != null && byKey.get(entry.key) == entry) {
            byKey.remove(entry.key);
        }
        added.remove(entry);
    }

    /** Every entry, in the order the session got its object (loaded or added): the same order every time. */
    List<Entry> entries() {
        if (forgotten > 0) {
            Set<Entry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            ordered.removeIf(e -> byObject.get(e.entity) != e || !seen.add(e));
            forgotten = 0;
        }
        return new ArrayList<>(ordered);
    }

    List<Entry> added() {
        return added;
    }

    List<SessionListener> listeners() {
        return listeners;
    }

    Loader loader() {
        return loader;
    }

    /** The entry of an object the caller passes in, which must be an entity this ORM maps. */
    EntityType<?> mapped(Object entity, String what) {
        if (entity == null) {
            throw new InterfaceException(what + " needs an object, got null");
        }
        return mappedClass(entity.getClass(), what);
    }

    private void checkOpen() {
        if (closed) {
            throw new InterfaceException("the session is closed");
        }
    }

    // --- Session

    @Override
    public void add(Object entity) {
        checkOpen();
        EntityType<?> type = mapped(entity, "add");
        Entry existing = byObject.get(entity);
        if (existing != null) {
            if (existing.state == Entry.State.DELETED) {
                existing.state = Entry.State.PERSISTENT;
            }
            return;
        }
        if (type.generatedId && type.id(entity) != null) {
            throw new InterfaceException("add: " + type.name() + "#" + type.id(entity) + " already has a generated id,"
                    + " so it was loaded by another session; use merge() to bring its state into this one");
        }
        var entry = new Entry(entity, type, Entry.State.PENDING);
        register(entry);
        added.add(entry);
        Flush.track(this, entry);
        for (Object reached : related(entry, CascadeType.PERSIST)) {
            if (!byObject.containsKey(reached)) {
                add(reached);
            }
        }
    }

    /**
     * The loaded objects {@code entry}'s relationships with {@code cascade} (or ALL) lead to; REMOVE also follows
     * orphan removal.
     */
    private List<Object> related(Entry entry, CascadeType cascade) {
        var out = new ArrayList<Object>();
        for (RelationMapping r : entry.type.relations) {
            if (!r.cascades(cascade) && !(cascade == CascadeType.REMOVE && r.orphanRemoval)) {
                continue;
            }
            if (r.toMany()) {
                Collection<Object> items = Sync.rawItems(r, entry.entity);
                if (items != null) {
                    out.addAll(items);
                }
            } else {
                Object target = r.targetOf(entry.entity);
                if (target != null) {
                    out.add(target);
                }
            }
        }
        return out;
    }

    @Override
    public void addAll(Collection<?> entities) {
        if (entities == null) {
            throw new InterfaceException("addAll needs a collection, got null");
        }
        for (Object e : entities) {
            add(e);
        }
    }

    @Override
    public <T> T get(Class<T> type, Object id) {
        checkOpen();
        EntityType<T> mapping = mappedClass(type, "get");
        Object key = mapping.normalizeId(id);
        Entry e = byKey.get(new EntityKey(mapping.root, key));
        if (e != null) {
            return e.state == Entry.State.DELETED || !type.isInstance(e.entity) ? null : type.cast(e.entity);
        }
        Object found = loader.byIds(mapping, List.of(key)).get(key);
        return found == null ? null : type.cast(found);
    }

    @Override
    public void delete(Object entity) {
        checkOpen();
        mapped(entity, "delete");
        Entry e = byObject.get(entity);
        if (e == null) {
            throw new InterfaceException("delete: the object is not in this session; get() it first");
        }
        if (e.state == Entry.State.PENDING) {
            forget(e);
            for (Object reached : related(e, CascadeType.REMOVE)) {
                Entry child = byObject.get(reached);
                if (child != null && child.state == Entry.State.PENDING) {
                    delete(reached);
                }
            }
        } else {
            e.state = Entry.State.DELETED;
        }
    }

    @Override
    public void flush() {
        checkOpen();
        if (flushing) {
            return;
        }
        flushing = true;
        try {
            new Flush(this).run();
        } catch (RuntimeException e) {
            abandon();
            throw e;
        } finally {
            flushing = false;
        }
    }

    /** Flushes when there is anything to write; used before queries and lazy loads. */
    void autoflush() {
        if (!flushing && !byObject.isEmpty()) {
            flush();
        }
    }

    @Override
    public void commit() {
        checkOpen();
        flush();
        for (SessionListener l : List.copyOf(listeners)) {
            l.beforeCommit(this);
        }
        if (connection != null) {
            try {
                connection.commit();
            } finally {
                release();
            }
        }
        for (SessionListener l : List.copyOf(listeners)) {
            l.afterCommit(this);
        }
    }

    @Override
    public void rollback() {
        checkOpen();
        abandon();
    }

    /** Rolls back and detaches everything: after a failure their state no longer matches the database. */
    private void abandon() {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
            }
        } finally {
            release();
            byKey.clear();
            byObject.clear();
            ordered.clear();
            forgotten = 0;
            added.clear();
        }
    }

    private void release() {
        if (connection != null) {
            Connection c = connection;
            connection = null;
            c.close();
        }
    }

    @Override
    public void refresh(Object entity) {
        checkOpen();
        mapped(entity, "refresh");
        Entry e = byObject.get(entity);
        if (e == null || e.state != Entry.State.PERSISTENT) {
            throw new InterfaceException("refresh: the object is not a persistent object of this session");
        }
        if (!loader.refresh(e)) {
            forget(e);
            throw new InterfaceException("refresh: the row of " + e + " no longer exists");
        }
    }

    @Override
    public void expunge(Object entity) {
        checkOpen();
        Entry e = byObject.get(mapped(entity, "expunge") == null ? null : entity);
        if (e != null) {
            forget(e);
        }
    }

    @Override
    public <T> T merge(T entity) {
        checkOpen();
        return Merge.merge(this, entity);
    }

    @Override
    public boolean contains(Object entity) {
        Entry e = entity == null ? null : byObject.get(entity);
        return e != null && e.state != Entry.State.DELETED;
    }

    @Override
    public SessionTransaction begin() {
        checkOpen();
        return new SessionTransaction() {
            private boolean done;

            @Override
            public void commit() {
                done = true;
                DefaultSession.this.commit();
            }

            @Override
            public void rollback() {
                done = true;
                DefaultSession.this.rollback();
            }

            @Override
            public void close() {
                if (!done && !closed) {
                    DefaultSession.this.rollback();
                }
            }
        };
    }

    @Override
    public <T> Query<T> select(Class<T> type) {
        checkOpen();
        return DefaultQuery.entities(this, mappedClass(type, "select"));
    }

    @Override
    public Query<Tuple> select(Class<?> entity, Object... more) {
        checkOpen();
        EntityType<?> primary = mappedClass(entity, "select");
        var extras = new ArrayList<Object>();
        for (Object part : more == null ? new Object[] {null} : more) {
            if (part instanceof Class<?> c) {
                extras.add(mappedClass(c, "select"));
            } else if (part instanceof Expression<?> e) {
                extras.add(e);
            } else {
                throw new InterfaceException("select: each part after the first is an entity class or a Core "
                        + "expression, got " + part);
            }
        }
        return DefaultQuery.tuples(this, primary, extras);
    }

    private <T> EntityType<T> mappedClass(Class<T> type, String what) {
        if (type == null || !orm.entities().contains(type)) {
            throw new InterfaceException(what + ": " + (type == null ? "null" : type.getName())
                    + " is not an entity of this Orm; it maps " + orm.entities().stream().map(Class::getSimpleName)
                    .sorted().toList());
        }
        return Mappings.entity(type);
    }

    /**
     * Runs a query (after an autoflush): each row gives the primary entity, then each extra part (an entity of a
     * joined table, or an expression's value), turned into a result by {@code result}. Entity-only queries return
     * each object once.
     */
    <T> List<T> run(EntityType<?> primary, List<Object> extras, Select select,
                    Map<RelationMapping, LoadStrategy> overrides, List<RelationMapping> joined,
                    Function<List<Object>, T> result) {
        checkOpen();
        autoflush();
        if (extras.isEmpty()) {
            var out = new ArrayList<T>();
            for (Object entity : loader.query(primary, select, overrides, joined)) {
                out.add(result.apply(List.of(entity)));
            }
            return out;
        }
        var loaded = new ArrayList<Object>();
        var out = new ArrayList<T>();
        try (Result rows = connection().execute(select)) {
            for (Row row : rows) {
                var parts = new ArrayList<Object>(extras.size() + 1);
                List<Column<?>> columns = primary.root.table.columns();
                parts.add(loader.hydrate(primary, Loader.values(row, 0, columns), loaded));
                int offset = columns.size();
                for (Object extra : extras) {
                    if (extra instanceof EntityType<?> t) {
                        List<Column<?>> own = t.root.table.columns();
                        Object[] values = Loader.values(row, offset, own);
                        boolean missing = values[t.root.tableIndex[t.root.idSlots[0]]] == null;
                        parts.add(missing ? null : loader.hydrate(t, values, loaded));
                        offset += own.size();
                    } else {
                        SqlType<?> type = ((Expression<?>) extra).type();
                        parts.add(type.fromDatabase(row.get(offset, type.readAs())));
                        offset++;
                    }
                }
                out.add(result.apply(parts));
            }
        }
        loader.relations(loaded, overrides);
        return out;
    }

    @Override
    public <V> V scalar(SelectStatement query, Class<V> type) {
        List<V> values = scalars(query, type);
        return values.isEmpty() ? null : values.getFirst();
    }

    @Override
    public <V> List<V> scalars(SelectStatement query, Class<V> type) {
        checkOpen();
        if (query == null || type == null) {
            throw new InterfaceException("scalars needs a query and a type");
        }
        autoflush();
        var out = new ArrayList<V>();
        try (Result rows = connection().execute(query)) {
            for (Row row : rows) {
                out.add(row.get(0, type));
            }
        }
        return out;
    }

    @Override
    public Result execute(Statement statement) {
        checkOpen();
        if (statement == null) {
            throw new InterfaceException("execute needs a statement, got null");
        }
        autoflush();
        if (statement instanceof Update || statement instanceof Delete) {
            return BulkSync.execute(this, statement);
        }
        return connection().execute(statement);
    }

    @Override
    public Connection connection() {
        checkOpen();
        if (connection == null) {
            connection = engine.connect();
        }
        return connection;
    }

    /** Loads the relationship of a lazy batch for the owners that still need it, after an autoflush. */
    void loadLazy(Lazy lazy, Object owner) {
        if (closed || byObject.get(owner) == null) {
            throw new InterfaceException(lazy.relation().path() + " was not loaded before " + owner.getClass()
                    .getSimpleName() + " left its session; read it inside the session or load it with "
                    + "Load.selectin(" + lazy.relation().owner.name() + "_." + lazy.relation().name + ")");
        }
        autoflush();
        var owners = new ArrayList<Object>();
        for (Object o : lazy.owners()) {
            Entry e = byObject.get(o);
            if (e != null && e.state != Entry.State.PENDING && needsLoad(lazy, o)) {
                owners.add(o);
            }
        }
        if (!owners.contains(owner)) {
            owners.add(owner);
        }
        loader.load(lazy.relation(), owners);
    }

    private static boolean needsLoad(Lazy lazy, Object owner) {
        Object value = lazy.relation().accessor.get(owner);
        if (value instanceof Tracked t) {
            return !t.tracker().isLoaded();
        }
        return value instanceof LazyRef<?> ref && !ref.isLoaded();
    }

    @Override
    public void addListener(SessionListener listener) {
        if (listener == null) {
            throw new InterfaceException("addListener needs a listener, got null");
        }
        listeners.add(listener);
    }

    @Override
    public Orm orm() {
        return orm;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            abandon();
        } finally {
            closed = true;
        }
    }
}
