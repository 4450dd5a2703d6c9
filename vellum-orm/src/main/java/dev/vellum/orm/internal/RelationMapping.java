package dev.vellum.orm.internal;

import java.util.List;
import java.util.Set;

import dev.vellum.error.InterfaceException;
import dev.vellum.orm.LoadStrategy;
import dev.vellum.sql.Column;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Condition;
import jakarta.persistence.CascadeType;

/**
 * One relationship field of an entity: its kind, the Java shape of the field (entity, {@code Ref}, list or set),
 * where the link lives (foreign-key columns in the owner's table, the partner's columns, or a join table), its
 * cascades and its default loading strategy. Built by {@link Mappings}; immutable after that.
 */
public final class RelationMapping {
    /** The JPA relationship kind. */
    enum Kind { MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    /** How the field holds its value. */
    enum Shape { ENTITY, REF, LIST, SET }

    final EntityType<?> owner;
    final String name;
    final Kind kind;
    final Shape shape;
    final Class<?> targetClass;
    final Accessor accessor;
    final String mappedBy;
    final Set<CascadeType> cascade;
    final boolean orphanRemoval;
    final LoadStrategy strategy;
    final boolean optional;
    EntityType<?> target;
    RelationMapping partner;
    List<Column<?>> keyColumns = List.of();
    Table joinTable;
    List<Column<?>> joinOwner = List.of();
    List<Column<?>> joinTarget = List.of();

    RelationMapping(EntityType<?> owner, String name, Kind kind, Shape shape, Class<?> targetClass,
                    Accessor accessor, String mappedBy, Set<CascadeType> cascade, boolean orphanRemoval,
                    LoadStrategy strategy, boolean optional) {
        this.owner = owner;
        this.name = name;
        this.kind = kind;
        this.shape = shape;
        this.targetClass = targetClass;
        this.accessor = accessor;
        this.mappedBy = mappedBy;
        this.cascade = cascade;
        this.orphanRemoval = orphanRemoval;
        this.strategy = strategy;
        this.optional = optional;
    }

    /** {@code Owner.name}, for messages. */
    String path() {
        return owner.name() + "." + name;
    }

    boolean toMany() {
        return shape == Shape.LIST || shape == Shape.SET;
    }

    /** True when the owner's table holds the foreign key of this to-one relationship. */
    boolean ownsKey() {
        return !keyColumns.isEmpty();
    }

    /** True for a many-to-many whose join table this side writes. */
    boolean ownsJoinTable() {
        return kind == Kind.MANY_TO_MANY && mappedBy == null;
    }

    boolean cascades(CascadeType type) {
        return cascade.contains(type) || cascade.contains(CascadeType.ALL);
    }

    /** Part {@code part} of the id of the object {@code entity}'s to-one field points at, without loading it. */
    Object targetIdPart(Object entity, int part) {
        Object value = accessor.get(entity);
        if (value == null) {
            return null;
        }
        if (value instanceof LazyRef<?> lazy && !lazy.isLoaded()) {
            return EntityType.part(lazy.id(), part);
        }
        Object targetEntity = EntityType.unwrap(value);
        if (targetEntity == null) {
            return null;
        }
        EntityType<?> concrete = Mappings.entity(targetEntity.getClass());
        return concrete.value(targetEntity, concrete.idSlots[part]);
    }

    /** The target object of a to-one field, unwrapping a loaded or given {@code Ref}; null when unloaded. */
    Object targetOf(Object entity) {
        Object value = accessor.get(entity);
        if (value instanceof LazyRef<?> lazy && !lazy.isLoaded()) {
            return null;
        }
        return EntityType.unwrap(value);
    }

    /** {@code keyColumns = other's id}: the rows of the owner whose to-one points at {@code other}. */
    public Condition refersTo(Object other) {
        if (!ownsKey()) {
            throw new InterfaceException(path() + " holds no foreign key; is(...) works on the side with the "
                    + "@JoinColumn");
        }
        if (other == null) {
            return Conditions.keyEquals(keyColumns, null);
        }
        if (!targetClass.isInstance(other)) {
            throw new InterfaceException(path() + " leads to " + targetClass.getSimpleName() + ", got "
                    + other.getClass().getSimpleName());
        }
        Object id = target.id(other);
        if (id == null) {
            throw new InterfaceException(path() + ".is(...) needs an object with an id; flush it first");
        }
        return Conditions.keyEquals(keyColumns, id);
    }

    /** Checks the metamodel's view of the target class. */
    public void checkTarget(Class<?> expected) {
        if (expected != targetClass) {
            throw new InterfaceException(path() + " leads to " + targetClass.getSimpleName() + ", not "
                    + expected.getSimpleName() + "; rebuild to regenerate the metamodel");
        }
    }

    @Override
    public String toString() {
        return path();
    }
}
