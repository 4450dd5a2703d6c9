package dev.vellum.orm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vellum.engine.Engine;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.MappingException;
import dev.vellum.orm.internal.DefaultSession;
import dev.vellum.orm.internal.EntityType;
import dev.vellum.orm.internal.Mappings;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;

/**
 * The ORM over an {@link Engine} for a set of entity classes, SQLAlchemy's {@code sessionmaker} plus the declarative
 * registry: {@link #create} reads and checks every mapping at once, {@link #session()} opens units of work,
 * {@link #createAll()} creates the tables. Thread-safe; hold one per application.
 *
 * <pre>{@code
 * Orm orm = Orm.create(engine, User.class, Post.class);
 * orm.createAll();
 * long id = orm.inSession(sess -> {
 *     var user = new User("Alice", "alice@example.com");
 *     sess.add(user);
 *     sess.flush();
 *     return user.getId();
 * });                                           // committed on return, rolled back on an exception
 * }</pre>
 *
 * @since 0.1
 */
public final class Orm {
    private final Engine engine;
    private final Set<Class<?>> entities;
    private final List<EntityType<?>> types;

    private Orm(Engine engine, Set<Class<?>> entities, List<EntityType<?>> types) {
        this.engine = engine;
        this.entities = entities;
        this.types = types;
    }

    /**
     * The ORM for these entity classes on {@code engine}. Every mapping is read and checked now: a class without
     * an id, a field no column type holds, a relationship to a class that is not among {@code entities}, a
     * {@code mappedBy} naming nothing. All problems are reported together in one {@link MappingException}, each
     * naming the class and field.
     */
    public static Orm create(Engine engine, Class<?>... entities) {
        if (engine == null) {
            throw new InterfaceException("Orm.create needs an engine, got null");
        }
        if (entities == null || entities.length == 0) {
            throw new InterfaceException("Orm.create needs at least one entity class");
        }
        var classes = new LinkedHashSet<Class<?>>(Arrays.asList(entities));
        Map<Class<?>, EntityType<?>> types = Mappings.resolve(new ArrayList<>(classes));
        var problems = new ArrayList<String>();
        for (EntityType<?> t : types.values()) {
            for (Class<?> reached : t.reachable()) {
                if (!classes.contains(reached)) {
                    problems.add(t.name() + " refers to " + reached.getSimpleName() + ", which is not among the classes"
                            + " given to Orm.create; add " + reached.getSimpleName() + ".class");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MappingException(problems.stream().distinct().toList());
        }
        return new Orm(engine, Set.copyOf(classes), List.copyOf(types.values()));
    }

    /** A new session; close it (try-with-resources) to return its connection. */
    public Session session() {
        return new DefaultSession(this, engine);
    }

    /** Runs {@code work} in a new session, commits when it returns and rolls back when it throws. */
    public <R, X extends Exception> R inSession(SessionCallback<R, X> work) throws X {
        try (Session session = session()) {
            R result = work.inSession(session);
            session.commit();
            return result;
        }
    }

    /** {@link #inSession} without a result. */
    public <X extends Exception> void useSession(SessionConsumer<X> work) throws X {
        try (Session session = session()) {
            work.inSession(session);
            session.commit();
        }
    }

    /** Creates the tables (and join tables and indexes) of the entities, parents first; existing ones are kept. */
    public void createAll() {
        engine.createAll(tables());
    }

    /** Drops the tables of the entities, children first; missing ones are skipped. */
    public void dropAll() {
        engine.dropAll(tables());
    }

    /** The tables of the entities and their join tables, in foreign-key order. */
    public List<Table> tables() {
        var all = new LinkedHashSet<Table>();
        for (EntityType<?> t : types) {
            all.add(t.table());
            all.addAll(t.joinTables());
        }
        return MetaData.dependencyOrder(all);
    }

    /** The table {@code entity} is stored in, for Core statements. */
    public Table table(Class<?> entity) {
        if (!entities.contains(entity)) {
            throw new InterfaceException(entity + " is not an entity of this Orm");
        }
        return Mappings.entity(entity).table();
    }

    /** The entity classes. */
    public Set<Class<?>> entities() {
        return entities;
    }

    /** The engine sessions run on. */
    public Engine engine() {
        return engine;
    }
}
