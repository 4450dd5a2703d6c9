package dev.vellum.orm.internal;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vellum.error.InterfaceException;
import dev.vellum.orm.Ref;
import dev.vellum.sql.Column;
import dev.vellum.sql.Table;

/**
 * The mapping of one entity class: its table, the slots it writes (one per column), its id and version, its
 * relationships and, under single-table inheritance, its discriminator. Built once by {@link Mappings}, immutable
 * and thread-safe after that. An entity's state is read and written as a row: one value per slot.
 *
 * @param <T> the entity class
 */
public final class EntityType<T> {
    /** How the id is declared. */
    enum IdKind { SIMPLE, EMBEDDED, ID_CLASS }

    final Class<T> type;
    final EntityType<?> root;
    final Table table;
    final MethodHandle constructor;
    final List<Slot> slots = new ArrayList<>();
    final Map<String, Integer> slotByPath = new LinkedHashMap<>();
    final List<RelationMapping> relations = new ArrayList<>();
    final Map<Object, EntityType<?>> subtypes = new LinkedHashMap<>();
    IdKind idKind = IdKind.SIMPLE;
    int[] idSlots = new int[0];
    Accessor[] idParts;
    Class<?> idClass;
    boolean generatedId;
    boolean uuidId;
    int versionSlot = -1;
    Object discriminatorValue;
    int[] tableIndex;

    EntityType(Class<T> type, EntityType<?> root, Table table, MethodHandle constructor) {
        this.type = type;
        this.root = root == null ? this : root;
        this.table = table;
        this.constructor = constructor;
    }

    /** The entity class. */
    public Class<T> type() {
        return type;
    }

    /** The class's simple name, for messages. */
    public String name() {
        return type.getSimpleName();
    }

    /** The table the entity is stored in (its hierarchy root's, under single-table inheritance). */
    public Table table() {
        return table;
    }

    /** The column of a basic attribute, checked against the Java type the metamodel declares. */
    public <V> Column<V> column(String path, Class<V> javaType) {
        Integer i = slotByPath.get(path);
        if (i == null) {
            throw new InterfaceException(name() + " has no mapped attribute " + path + "; it has "
                    + slotByPath.keySet());
        }
        Column<?> c = slots.get(i).column();
        if (c.type().javaType() != javaType) {
            throw new InterfaceException(name() + "." + path + " is mapped as " + c.type().javaType().getSimpleName()
                    + ", not " + javaType.getSimpleName() + "; rebuild to regenerate the metamodel");
        }
        @SuppressWarnings("unchecked")
        Column<V> typed = (Column<V>) c;
        return typed;
    }

    /** The relationship named {@code name}, declared here or inherited. */
    public RelationMapping relation(String name) {
        for (RelationMapping r : relations) {
            if (r.name.equals(name)) {
                return r;
            }
        }
        throw new InterfaceException(name() + " has no relationship " + name);
    }

    /** The entity classes this one's relationships lead to, and its inheritance parents. */
    public java.util.Set<Class<?>> reachable() {
        var out = new java.util.LinkedHashSet<Class<?>>();
        for (RelationMapping r : relations) {
            out.add(r.targetClass);
        }
        if (root != this) {
            out.add(root.type);
        }
        return out;
    }

    /** The join tables of the many-to-many relationships this type owns. */
    public List<Table> joinTables() {
        var out = new ArrayList<Table>();
        for (RelationMapping r : relations) {
            if (r.ownsJoinTable() && r.joinTable != null) {
                out.add(r.joinTable);
            }
        }
        return out;
    }

    boolean isRoot() {
        return root == this;
    }

    T instantiate() {
        if (constructor == null) {
            throw new InterfaceException(name() + " is abstract and cannot be loaded without a discriminator");
        }
        try {
            return type.cast((Object) constructor.invokeExact());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new InterfaceException("the constructor of " + name() + " failed: " + e, e);
        }
    }

    /** The concrete type for a discriminator value read from a row. */
    EntityType<?> concreteFor(Object discriminator) {
        EntityType<?> t = root.subtypes.get(discriminator);
        if (t == null) {
            throw new InterfaceException("no entity of " + root.name() + "'s hierarchy has discriminator value "
                    + discriminator + "; known: " + root.subtypes.keySet());
        }
        return t;
    }

    // --- reading and writing values

    /** The current value of slot {@code i} of {@code entity}; a key slot reads the target's id part. */
    Object value(Object entity, int i) {
        return switch (slots.get(i)) {
            case Slot.Basic b -> b.accessor().get(entity);
            case Slot.Key k -> k.relation().targetIdPart(entity, k.part());
            case Slot.Discriminator d -> discriminatorValue;
        };
    }

    /** The current row of {@code entity}, one value per slot. */
    Object[] row(Object entity) {
        var row = new Object[slots.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = value(entity, i);
        }
        return row;
    }

    /** Writes the basic slots of {@code row} into {@code entity} (key slots are resolved by the loader). */
    void write(Object entity, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (slots.get(i) instanceof Slot.Basic b) {
                b.accessor().set(entity, row[i]);
            }
        }
    }

    /** The id of {@code entity}: the value, or a list of parts; {@code null} when any part is null. */
    Object id(Object entity) {
        if (idSlots.length == 1) {
            return value(entity, idSlots[0]);
        }
        var parts = new Object[idSlots.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = value(entity, idSlots[i]);
            if (parts[i] == null) {
                return null;
            }
        }
        return Arrays.asList(parts);
    }

    /** Part {@code part} of an id value as {@link #id} returns it. */
    static Object part(Object id, int part) {
        return id instanceof List<?> parts ? parts.get(part) : id;
    }

    /** The id in key form from a row (one value per slot). */
    Object idFromRow(Object[] row) {
        if (idSlots.length == 1) {
            return row[idSlots[0]];
        }
        var parts = new Object[idSlots.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = row[idSlots[i]];
        }
        return Arrays.asList(parts);
    }

    /** Stores a generated id value into {@code entity}. */
    void setGeneratedId(Object entity, Object value) {
        if (slots.get(idSlots[0]) instanceof Slot.Basic b) {
            b.accessor().set(entity, value);
        }
    }

    /**
     * The key form of an id given by a caller: the value for a simple id, and for a composite id an instance of
     * the {@code @IdClass} or {@code @EmbeddedId} class (or a {@code List} of parts in key order).
     */
    Object normalizeId(Object given) {
        if (given == null) {
            throw new InterfaceException("the id of " + name() + " must not be null");
        }
        if (idKind == IdKind.SIMPLE) {
            Class<?> expected = slots.get(idSlots[0]).column().type().javaType();
            if (!expected.isInstance(given)) {
                throw new InterfaceException("the id of " + name() + " is a " + expected.getSimpleName() + ", got "
                        + given.getClass().getSimpleName() + " " + given);
            }
            return given;
        }
        if (given instanceof List<?> list && list.size() == idSlots.length) {
            for (int i = 0; i < idSlots.length; i++) {
                Class<?> expected = slots.get(idSlots[i]).column().type().javaType();
                if (!expected.isInstance(list.get(i))) {
                    throw new InterfaceException("part " + i + " of the id of " + name() + " is a "
                            + expected.getSimpleName() + ", got " + list.get(i));
                }
            }
            return List.copyOf(list);
        }
        if (!idClass.isInstance(given)) {
            throw new InterfaceException("the id of " + name() + " is a " + idClass.getSimpleName() + ", got "
                    + given.getClass().getSimpleName());
        }
        var parts = new Object[idSlots.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = idParts[i].get(given);
        }
        return Arrays.asList(parts);
    }

    /** Resolves a {@link Ref} or entity value of a to-one field to the entity, without loading. */
    static Object unwrap(Object value) {
        return value instanceof Ref<?> ref && ref.isLoaded() ? ref.get() : value;
    }

    @Override
    public String toString() {
        return name();
    }
}
