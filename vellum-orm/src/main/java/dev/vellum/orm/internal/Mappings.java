package dev.vellum.orm.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import dev.vellum.error.InterfaceException;
import jakarta.persistence.Entity;

/**
 * The mappings of all entity classes in this JVM, read once from their annotations and shared by every
 * {@code Orm} and metamodel class: an entity class maps to one {@link EntityType} and one table object, so the
 * metamodel's columns are the ORM's. Mapping a class maps everything it reaches through relationships, and fails
 * as a whole with every problem listed. Thread-safe.
 */
public final class Mappings {
    private static final Map<Class<?>, EntityType<?>> TYPES = new ConcurrentHashMap<>();
    private static final ReentrantLock LOCK = new ReentrantLock();

    private Mappings() {
    }

    /** The mapping of {@code type}, read now if it is the first use. */
    @SuppressWarnings("unchecked")
    public static <T> EntityType<T> entity(Class<T> type) {
        if (type == null) {
            throw new InterfaceException("the entity class must not be null");
        }
        EntityType<?> known = TYPES.get(type);
        if (known == null) {
            known = resolve(List.of(type)).get(type);
        }
        return (EntityType<T>) known;
    }

    /** The relationship {@code name} of {@code owner}. */
    public static RelationMapping relation(Class<?> owner, String name) {
        return entity(owner).relation(name);
    }

    /**
     * Maps {@code classes} and everything they reach, or throws a {@link dev.vellum.error.MappingException}
     * listing every problem found.
     *
     * @return the mapping of each requested class
     */
    public static Map<Class<?>, EntityType<?>> resolve(Collection<Class<?>> classes) {
        LOCK.lock();
        try {
            var reader = new MappingReader(TYPES);
            Map<Class<?>, EntityType<?>> created = reader.read(classes);
            TYPES.putAll(created);
            var result = new LinkedHashMap<Class<?>, EntityType<?>>();
            for (Class<?> c : classes) {
                result.put(c, TYPES.get(c));
            }
            return result;
        } finally {
            LOCK.unlock();
        }
    }

    /** True when {@code type} carries {@code @Entity}. */
    static boolean isEntity(Class<?> type) {
        return type.isAnnotationPresent(Entity.class);
    }
}
