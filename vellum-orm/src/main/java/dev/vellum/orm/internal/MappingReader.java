package dev.vellum.orm.internal;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.vellum.error.InterfaceException;
import dev.vellum.error.MappingException;
import dev.vellum.orm.LoadStrategy;
import dev.vellum.orm.Loading;
import dev.vellum.orm.Ref;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.SqlTypes;
import dev.vellum.sql.Table;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * Reads entity classes into {@link EntityType}s, collecting every problem before failing. Two passes: the first maps
 * each class's own columns (ids, basics, embedded values, version, discriminator) and queues the classes its
 * relationships reach; the second adds foreign-key columns and join tables, which need the targets' ids, and pairs each
 * {@code mappedBy} with its owning side, for every relationship between classes the first pass found no problem in (so
 * one broken class hides no problem of another). Names follow JPA, with snake_case as the default column and table
 * naming (as Spring Boot's naming strategy does): {@code createdAt} is stored in {@code created_at}.
 */
final class MappingReader {
    private final Map<Class<?>, EntityType<?>> known;
    private final Map<Class<?>, EntityType<?>> created = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Deque<Class<?>> queue = new ArrayDeque<>();
    private final Map<RelationMapping, Field> relationFields = new LinkedHashMap<>();
    private final Set<Class<?>> broken = new HashSet<>();

    MappingReader(Map<Class<?>, EntityType<?>> known) {
        this.known = known;
    }

    Map<Class<?>, EntityType<?>> read(Collection<Class<?>> classes) {
        queue.addAll(classes);
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            if (c == null) {
                problems.add("null given as an entity class");
            } else {
                mapped(c);
            }
        }
        for (var e : relationFields.entrySet()) {
            if (linkable(e.getKey())) {
                int before = problems.size();
                linkTarget(e.getKey(), e.getValue());
                if (problems.size() > before) {
                    broken.add(e.getKey().owner.type);
                }
            }
        }
        for (var e : relationFields.entrySet()) {
            if (linkable(e.getKey())) {
                pair(e.getKey(), e.getValue());
            }
        }
        if (problems.isEmpty()) {
            for (EntityType<?> t : created.values()) {
                indexColumns(t);
            }
        }
        if (!problems.isEmpty()) {
            throw new MappingException(problems);
        }
        return created;
    }

    private EntityType<?> mapped(Class<?> c) {
        EntityType<?> t = known.get(c);
        if (t == null) {
            t = created.get(c);
        }
        if (t != null) {
            return t;
        }
        if (!Mappings.isEntity(c)) {
            problems.add(c.getName() + " is not annotated @Entity");
            return null;
        }
        int before = problems.size();
        t = mapEntity(c);
        if (problems.size() > before) {
            broken.add(c);
        }
        return t;
    }

    /**
     * True when pass 2 can link {@code r}: its owner and target were mapped without problems, so the problems of
     * one class do not hide those of the others, nor cause follow-up problems of their own.
     */
    private boolean linkable(RelationMapping r) {
        boolean targetMapped = known.containsKey(r.targetClass) || created.containsKey(r.targetClass);
        return targetMapped && !broken.contains(r.owner.type) && !broken.contains(r.targetClass);
    }

    // --- pass 1: the class's own columns

    private <T> EntityType<T> mapEntity(Class<T> c) {
        Class<?> parentClass = entitySuperclass(c);
        EntityType<?> parent = parentClass == null ? null : mapped(parentClass);
        if (parentClass != null && parent == null) {
            return null;
        }
        MethodHandle ctor = null;
        if (!Modifier.isAbstract(c.getModifiers())) {
            try {
                ctor = Accessor.constructor(c);
            } catch (InterfaceException e) {
                problems.add(c.getSimpleName() + ": " + e.getMessage() + " (JPA requires one; it may be protected)");
            }
        }
        EntityType<T> t;
        if (parent == null) {
            jakarta.persistence.Table tableAnn = c.getAnnotation(jakarta.persistence.Table.class);
            String tableName = tableAnn != null && !tableAnn.name().isEmpty() ? tableAnn.name()
                    : snake(entityName(c));
            String schema = tableAnn != null && !tableAnn.schema().isEmpty() ? tableAnn.schema() : null;
            t = new EntityType<>(c, null, new Table(new MetaData(), schema, tableName), ctor);
        } else {
            if (c.isAnnotationPresent(jakarta.persistence.Table.class)) {
                problems.add(c.getSimpleName() + ": @Table on a subclass; single-table inheritance stores it in "
                        + parent.root.table.name());
            }
            t = new EntityType<>(c, parent.root, parent.root.table, ctor);
            t.slots.addAll(parent.slots);
            t.slotByPath.putAll(parent.slotByPath);
            t.relations.addAll(parent.relations);
            t.idKind = parent.idKind;
            t.idSlots = parent.idSlots;
            t.idParts = parent.idParts;
            t.idClass = parent.idClass;
            t.generatedId = parent.generatedId;
            t.uuidId = parent.uuidId;
            t.versionSlot = parent.versionSlot;
        }
        created.put(c, t);
        if (parent == null) {
            discriminator(t);
        } else {
            subtype(t, parent);
        }
        var ids = new ArrayList<Integer>();
        for (Field f : persistentFields(c, parentClass)) {
            field(t, f, ids);
        }
        if (parent == null) {
            idOf(t, ids);
        } else if (!ids.isEmpty()) {
            problems.add(c.getSimpleName() + ": declares @Id but inherits the id of " + parent.name());
        }
        return t;
    }

    private void discriminator(EntityType<?> t) {
        Class<?> c = t.type;
        Inheritance inheritance = c.getAnnotation(Inheritance.class);
        DiscriminatorColumn dc = c.getAnnotation(DiscriminatorColumn.class);
        if (inheritance != null && inheritance.strategy() != InheritanceType.SINGLE_TABLE) {
            problems.add(c.getSimpleName() + ": inheritance strategy " + inheritance.strategy() + " is not supported;"
                    + " use SINGLE_TABLE");
            return;
        }
        if (inheritance == null && dc == null) {
            return;
        }
        String name = dc == null || dc.name().isEmpty() ? "dtype" : dc.name();
        int length = dc == null ? 31 : dc.length();
        DiscriminatorType kind = dc == null ? DiscriminatorType.STRING : dc.discriminatorType();
        SqlType<?> type = kind == DiscriminatorType.INTEGER ? SqlTypes.INTEGER : SqlTypes.varchar(length);
        Column<?> column = t.table.column(name, type).notNull();
        addSlot(t, new Slot.Discriminator(column), null);
        t.discriminatorValue = discriminatorValue(t, kind);
        if (!Modifier.isAbstract(c.getModifiers())) {
            t.subtypes.put(t.discriminatorValue, t);
        }
    }

    private void subtype(EntityType<?> t, EntityType<?> parent) {
        if (parent.root.subtypes.isEmpty() && !hasDiscriminator(parent.root)) {
            problems.add(t.name() + " extends the entity " + parent.name() + ": annotate " + parent.root.name()
                    + " with @Inheritance(strategy = SINGLE_TABLE)");
            return;
        }
        DiscriminatorColumn dc = parent.root.type.getAnnotation(DiscriminatorColumn.class);
        DiscriminatorType kind = dc == null ? DiscriminatorType.STRING : dc.discriminatorType();
        t.discriminatorValue = discriminatorValue(t, kind);
        EntityType<?> clash = parent.root.subtypes.putIfAbsent(t.discriminatorValue, t);
        if (clash != null && clash != t) {
            problems.add(t.name() + ": discriminator value " + t.discriminatorValue + " is already "
                    + clash.name() + "'s");
        }
    }

    private static boolean hasDiscriminator(EntityType<?> root) {
        return root.slots.stream().anyMatch(s -> s instanceof Slot.Discriminator);
    }

    private Object discriminatorValue(EntityType<?> t, DiscriminatorType kind) {
        DiscriminatorValue dv = t.type.getAnnotation(DiscriminatorValue.class);
        String text = dv == null ? entityName(t.type) : dv.value();
        if (kind == DiscriminatorType.INTEGER) {
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                problems.add(t.name() + ": @DiscriminatorValue(\"" + text + "\") is not an integer");
                return 0;
            }
        }
        return text;
    }

    private void field(EntityType<?> t, Field f, List<Integer> ids) {
        String where = t.name() + "." + f.getName();
        if (isRelation(f)) {
            relation(t, f, where);
            return;
        }
        if (f.isAnnotationPresent(EmbeddedId.class)) {
            embeddedId(t, f, where, ids);
            return;
        }
        if (f.isAnnotationPresent(Embedded.class) || f.getType().isAnnotationPresent(Embeddable.class)) {
            embedded(t, f, null, f.getAnnotationsByType(AttributeOverride.class), ids, false);
            return;
        }
        boolean id = f.isAnnotationPresent(Id.class);
        int slot = basic(t, f, null, where, id, columnName(f, null, null));
        if (slot < 0) {
            return;
        }
        if (id) {
            ids.add(slot);
            generated(t, f, where);
        }
        if (f.isAnnotationPresent(Version.class)) {
            version(t, slot, where);
        }
    }

    private int basic(EntityType<?> t, Field f, Accessor parent, String where, boolean id, String columnName) {
        SqlType<?> type;
        try {
            type = ColumnTypes.of(f);
        } catch (IllegalStateException e) {
            problems.add(where + ": " + e.getMessage());
            return -1;
        }
        if (type == null) {
            problems.add(where + ": no column type holds " + f.getGenericType().getTypeName()
                    + "; map it with @Convert, or mark it @Transient");
            return -1;
        }
        Accessor accessor;
        try {
            accessor = Accessor.of(f, parent);
        } catch (InterfaceException e) {
            problems.add(where + ": " + e.getMessage());
            return -1;
        }
        if (t.table.columns().stream().anyMatch(c -> c.name().equals(columnName))) {
            if (t.isRoot()) {
                problems.add(where + ": column " + columnName + " is mapped twice in " + t.table.name());
                return -1;
            }
            problems.add(where + ": column " + columnName + " is already used in " + t.table.name()
                    + " by another class of the hierarchy");
            return -1;
        }
        jakarta.persistence.Column ann = f.getAnnotation(jakarta.persistence.Column.class);
        Column<?> column = t.table.column(columnName, type);
        boolean notNull = id || f.getType().isPrimitive() || ann != null && !ann.nullable();
        if (notNull && t.isRoot()) {
            column = column.notNull();
        }
        if (ann != null && ann.unique()) {
            column = column.unique();
        }
        return addSlot(t, new Slot.Basic(column, accessor), accessor.path());
    }

    private void generated(EntityType<?> t, Field f, String where) {
        GeneratedValue gv = f.getAnnotation(GeneratedValue.class);
        if (gv == null) {
            return;
        }
        Class<?> type = Accessor.boxed(f.getType());
        if (type == java.util.UUID.class && (gv.strategy() == GenerationType.UUID
                || gv.strategy() == GenerationType.AUTO)) {
            t.uuidId = true;
            return;
        }
        if (gv.strategy() == GenerationType.TABLE || gv.strategy() == GenerationType.UUID) {
            problems.add(where + ": @GeneratedValue(strategy = " + gv.strategy() + ") needs "
                    + (gv.strategy() == GenerationType.UUID ? "a UUID field" : "IDENTITY, SEQUENCE or AUTO"));
            return;
        }
        if (type != Long.class && type != Integer.class && type != Short.class) {
            problems.add(where + ": a generated id must be an integer (long, int, short) or a UUID, not "
                    + f.getType().getSimpleName());
            return;
        }
        t.generatedId = true;
    }

    private void version(EntityType<?> t, int slot, String where) {
        Class<?> type = t.slots.get(slot).column().type().javaType();
        if (type != Long.class && type != Integer.class && type != Short.class) {
            problems.add(where + ": @Version needs an integer field (long, int, short)");
            return;
        }
        if (t.versionSlot >= 0) {
            problems.add(where + ": a second @Version attribute");
            return;
        }
        t.versionSlot = slot;
    }

    private void embeddedId(EntityType<?> t, Field f, String where, List<Integer> ids) {
        if (!f.getType().isAnnotationPresent(Embeddable.class)) {
            problems.add(where + ": the @EmbeddedId type " + f.getType().getSimpleName() + " is not @Embeddable");
            return;
        }
        int before = ids.size();
        embedded(t, f, null, f.getAnnotationsByType(AttributeOverride.class), ids, true);
        t.idKind = EntityType.IdKind.EMBEDDED;
        t.idClass = f.getType();
        var parts = new Accessor[ids.size() - before];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = ((Slot.Basic) t.slots.get(ids.get(before + i))).accessor().leaf();
        }
        t.idParts = parts;
        if (parts.length == 0) {
            problems.add(where + ": the @EmbeddedId type " + f.getType().getSimpleName() + " has no fields");
        }
    }

    private void embedded(EntityType<?> t, Field f, Accessor parent, AttributeOverride[] overrides,
                          List<Integer> ids, boolean id) {
        Class<?> type = f.getType();
        String where = t.name() + "." + (parent == null ? "" : parent.path() + ".") + f.getName();
        if (!type.isAnnotationPresent(Embeddable.class)) {
            problems.add(where + ": " + type.getSimpleName() + " is not @Embeddable");
            return;
        }
        for (Accessor a = parent; a != null; a = a.parent()) {
            if (a.type() == type) {
                problems.add(where + ": the @Embeddable " + type.getSimpleName() + " contains itself");
                return;
            }
        }
        Accessor holder;
        try {
            holder = Accessor.of(f, parent);
            Accessor.constructor(type);
        } catch (InterfaceException e) {
            problems.add(where + ": " + e.getMessage());
            return;
        }
        for (Field inner : persistentFields(type, null)) {
            String innerWhere = where + "." + inner.getName();
            if (isRelation(inner)) {
                problems.add(innerWhere + ": relationships inside an @Embeddable are not supported");
                continue;
            }
            if (inner.isAnnotationPresent(Embedded.class) || inner.getType().isAnnotationPresent(Embeddable.class)) {
                embedded(t, inner, holder, overrides, ids, id);
                continue;
            }
            String path = holder.path() + "." + inner.getName();
            int slot = basic(t, inner, holder, innerWhere, id, columnName(inner, overrides, path.substring(
                    path.indexOf('.') + 1)));
            if (slot >= 0 && id) {
                ids.add(slot);
            }
        }
    }

    private void idOf(EntityType<?> t, List<Integer> ids) {
        String name = t.name();
        if (ids.isEmpty()) {
            problems.add(name + ": no @Id or @EmbeddedId field");
            return;
        }
        t.idSlots = ids.stream().mapToInt(Integer::intValue).toArray();
        List<Column<?>> keyColumns = ids.stream().<Column<?>>map(i -> t.slots.get(i).column()).toList();
        if (t.generatedId) {
            if (ids.size() > 1) {
                problems.add(name + ": a generated id cannot be part of a composite key");
                return;
            }
            Column<?> c = keyColumns.getFirst().primaryKey().autoincrement();
            replaceColumn(t, ids.getFirst(), c);
            return;
        }
        if (ids.size() == 1) {
            replaceColumn(t, ids.getFirst(), keyColumns.getFirst().primaryKey());
            return;
        }
        t.table.primaryKey(keyColumns.toArray(Column<?>[]::new));
        if (t.idKind == EntityType.IdKind.EMBEDDED) {
            return;
        }
        IdClass idClass = t.type.getAnnotation(IdClass.class);
        if (idClass == null) {
            problems.add(name + ": several @Id fields need @IdClass (or use one @EmbeddedId)");
            return;
        }
        t.idKind = EntityType.IdKind.ID_CLASS;
        t.idClass = idClass.value();
        var parts = new Accessor[ids.size()];
        for (int i = 0; i < parts.length; i++) {
            String field = ((Slot.Basic) t.slots.get(ids.get(i))).accessor().path();
            try {
                parts[i] = Accessor.of(idClass.value().getDeclaredField(field));
            } catch (NoSuchFieldException e) {
                problems.add(name + ": @IdClass " + idClass.value().getSimpleName() + " has no field " + field);
            } catch (InterfaceException e) {
                problems.add(name + ": @IdClass " + idClass.value().getSimpleName() + "." + field + ": "
                        + e.getMessage());
            }
        }
        t.idParts = parts;
    }

    private static void replaceColumn(EntityType<?> t, int slot, Column<?> column) {
        Slot.Basic b = (Slot.Basic) t.slots.get(slot);
        t.slots.set(slot, new Slot.Basic(column, b.accessor()));
    }

    // --- relationships

    private static boolean isRelation(Field f) {
        return f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToOne.class)
                || f.isAnnotationPresent(OneToMany.class) || f.isAnnotationPresent(ManyToMany.class);
    }

    private void relation(EntityType<?> t, Field f, String where) {
        RelationMapping.Kind kind;
        Class<?> declaredTarget;
        String mappedBy = "";
        CascadeType[] cascade;
        FetchType fetch;
        boolean orphanRemoval = false;
        boolean optional = true;
        if (f.getAnnotation(ManyToOne.class) instanceof ManyToOne a) {
            kind = RelationMapping.Kind.MANY_TO_ONE;
            declaredTarget = a.targetEntity();
            cascade = a.cascade();
            fetch = a.fetch();
            optional = a.optional();
        } else if (f.getAnnotation(OneToOne.class) instanceof OneToOne a) {
            kind = RelationMapping.Kind.ONE_TO_ONE;
            declaredTarget = a.targetEntity();
            mappedBy = a.mappedBy();
            cascade = a.cascade();
            fetch = a.fetch();
            orphanRemoval = a.orphanRemoval();
            optional = a.optional();
        } else if (f.getAnnotation(OneToMany.class) instanceof OneToMany a) {
            kind = RelationMapping.Kind.ONE_TO_MANY;
            declaredTarget = a.targetEntity();
            mappedBy = a.mappedBy();
            cascade = a.cascade();
            fetch = a.fetch();
            orphanRemoval = a.orphanRemoval();
        } else {
            ManyToMany a = f.getAnnotation(ManyToMany.class);
            kind = RelationMapping.Kind.MANY_TO_MANY;
            declaredTarget = a.targetEntity();
            mappedBy = a.mappedBy();
            cascade = a.cascade();
            fetch = a.fetch();
        }
        boolean toMany = kind == RelationMapping.Kind.ONE_TO_MANY || kind == RelationMapping.Kind.MANY_TO_MANY;
        RelationMapping.Shape shape = shape(f.getType(), toMany);
        if (shape == null) {
            problems.add(where + ": a " + (toMany ? "to-many relationship needs a List, Set or Collection field"
                    : "to-one relationship needs an entity or Ref<T> field") + ", not " + f.getType().getSimpleName());
            return;
        }
        Class<?> target = declaredTarget != void.class ? declaredTarget
                : shape == RelationMapping.Shape.ENTITY ? f.getType() : typeArgument(f);
        if (target == null) {
            problems.add(where + ": cannot tell the target entity; give the type argument or targetEntity");
            return;
        }
        Loading loading = f.getAnnotation(Loading.class);
        LoadStrategy strategy;
        if (loading != null) {
            strategy = loading.value();
        } else if (shape == RelationMapping.Shape.ENTITY || fetch == FetchType.EAGER && toMany) {
            strategy = LoadStrategy.SELECTIN;
        } else {
            strategy = LoadStrategy.LAZY;
        }
        if (shape == RelationMapping.Shape.ENTITY && f.isAnnotationPresent(ManyToOne.class) && fetch == FetchType.LAZY
                && loading == null) {
            problems.add(where + ": a lazy to-one must be a Ref<" + target.getSimpleName() + "> field (Java cannot "
                    + "intercept a field read); or drop fetch = LAZY to load it with its owner");
            return;
        }
        if (shape == RelationMapping.Shape.ENTITY && strategy == LoadStrategy.LAZY) {
            problems.add(where + ": @Loading(LAZY) on a plain field; declare it Ref<" + target.getSimpleName()
                    + "> to load it on first use");
            return;
        }
        Accessor accessor;
        try {
            accessor = Accessor.of(f);
        } catch (InterfaceException e) {
            problems.add(where + ": " + e.getMessage());
            return;
        }
        Set<CascadeType> cascades = cascade.length == 0 ? EnumSet.noneOf(CascadeType.class)
                : EnumSet.copyOf(Arrays.asList(cascade));
        var r = new RelationMapping(t, f.getName(), kind, shape, target, accessor, mappedBy.isEmpty() ? null
                : mappedBy, cascades, orphanRemoval, strategy, optional);
        t.relations.add(r);
        relationFields.put(r, f);
        if (!Mappings.isEntity(target)) {
            problems.add(where + " leads to " + target.getName() + ", which is not an @Entity");
        } else if (!known.containsKey(target) && !created.containsKey(target)) {
            queue.add(target);
        }
    }

    private static RelationMapping.Shape shape(Class<?> type, boolean toMany) {
        if (toMany) {
            if (type == List.class || type == Collection.class) {
                return RelationMapping.Shape.LIST;
            }
            return type == Set.class ? RelationMapping.Shape.SET : null;
        }
        if (type == Ref.class) {
            return RelationMapping.Shape.REF;
        }
        return Collection.class.isAssignableFrom(type) || type.isPrimitive() ? null : RelationMapping.Shape.ENTITY;
    }

    private static Class<?> typeArgument(Field f) {
        Type g = f.getGenericType();
        if (g instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    // --- pass 2: keys, join tables, partners

    private void linkTarget(RelationMapping r, Field f) {
        r.target = known.containsKey(r.targetClass) ? known.get(r.targetClass) : created.get(r.targetClass);
        String where = r.path();
        boolean owningToOne = r.kind == RelationMapping.Kind.MANY_TO_ONE
                || r.kind == RelationMapping.Kind.ONE_TO_ONE && r.mappedBy == null;
        if (owningToOne) {
            foreignKey(r, f, where);
        } else if (r.kind == RelationMapping.Kind.ONE_TO_MANY && r.mappedBy == null) {
            problems.add(where + ": a @OneToMany needs mappedBy naming the @ManyToOne on "
                    + r.targetClass.getSimpleName());
        } else if (r.ownsJoinTable()) {
            joinTable(r, f, where);
        }
    }

    private void foreignKey(RelationMapping r, Field f, String where) {
        EntityType<?> target = r.target;
        JoinColumn[] given = joinColumns(f);
        if (given.length > 0 && given.length != target.idSlots.length) {
            problems.add(where + ": " + given.length + " @JoinColumn for the " + target.idSlots.length
                    + "-column id of " + target.name());
            return;
        }
        var columns = new ArrayList<Column<?>>();
        boolean nullable = r.optional && (given.length == 0 || given[0].nullable());
        for (int part = 0; part < target.idSlots.length; part++) {
            Column<?> referenced = target.slots.get(target.idSlots[part]).column();
            String name = given.length > 0 && !given[part].name().isEmpty() ? given[part].name()
                    : snake(f.getName()) + "_" + referenced.name();
            EntityType<?> owner = r.owner;
            if (owner.table.columns().stream().anyMatch(c -> c.name().equals(name))) {
                problems.add(where + ": join column " + name + " is already a column of " + owner.table.name());
                return;
            }
            Column<?> column = owner.table.column(name, referenced.type());
            if (!nullable && owner.isRoot()) {
                column = column.notNull();
            }
            if (r.kind == RelationMapping.Kind.ONE_TO_ONE && given.length > 0 && given[part].unique()) {
                column = column.unique();
            }
            if (target.idSlots.length == 1) {
                column = references(column, referenced);
            }
            columns.add(column);
            addSlot(owner, new Slot.Key(column, r, part), null);
            for (EntityType<?> sub : created.values()) {
                if (sub != owner && owner.type.isAssignableFrom(sub.type) && sub.relations.contains(r)) {
                    sub.slots.add(new Slot.Key(column, r, part));
                }
            }
        }
        if (target.idSlots.length > 1) {
            r.owner.table.foreignKey(columns, idColumns(target), dev.vellum.sql.ReferentialAction.NO_ACTION,
                    dev.vellum.sql.ReferentialAction.NO_ACTION);
        }
        r.keyColumns = List.copyOf(columns);
    }

    private void joinTable(RelationMapping r, Field f, String where) {
        JoinTable jt = f.getAnnotation(JoinTable.class);
        EntityType<?> owner = r.owner.root;
        String name = jt != null && !jt.name().isEmpty() ? jt.name()
                : owner.table.name() + "_" + r.target.root.table.name();
        Table table;
        try {
            table = new Table(owner.table.metadata(), owner.table.schema(), name);
        } catch (InterfaceException e) {
            problems.add(where + ": join table " + name + " clashes with another table");
            return;
        }
        var ownerColumns = joinSide(table, jt == null ? new JoinColumn[0] : jt.joinColumns(), owner,
                snake(entityName(owner.type)), where);
        var targetColumns = joinSide(table, jt == null ? new JoinColumn[0] : jt.inverseJoinColumns(), r.target.root,
                snake(f.getName()), where);
        if (ownerColumns == null || targetColumns == null) {
            return;
        }
        var all = new ArrayList<Column<?>>(ownerColumns);
        all.addAll(targetColumns);
        table.primaryKey(all.toArray(Column<?>[]::new));
        r.joinTable = table;
        r.joinOwner = ownerColumns;
        r.joinTarget = targetColumns;
    }

    private List<Column<?>> joinSide(Table table, JoinColumn[] given, EntityType<?> side, String prefix,
                                     String where) {
        if (given.length > 0 && given.length != side.idSlots.length) {
            problems.add(where + ": " + given.length + " join columns for the " + side.idSlots.length
                    + "-column id of " + side.name());
            return null;
        }
        var columns = new ArrayList<Column<?>>();
        for (int part = 0; part < side.idSlots.length; part++) {
            Column<?> referenced = side.slots.get(side.idSlots[part]).column();
            String name = given.length > 0 && !given[part].name().isEmpty() ? given[part].name()
                    : prefix + "_" + referenced.name();
            if (table.columns().stream().anyMatch(c -> c.name().equals(name))) {
                problems.add(where + ": join table " + table.name() + " would have two columns named " + name
                        + "; name them with @JoinTable");
                return null;
            }
            Column<?> column = table.column(name, referenced.type()).notNull();
            columns.add(side.idSlots.length == 1 ? references(column, referenced) : column);
        }
        if (side.idSlots.length > 1) {
            table.foreignKey(columns, idColumns(side), dev.vellum.sql.ReferentialAction.NO_ACTION,
                    dev.vellum.sql.ReferentialAction.NO_ACTION);
        }
        return columns;
    }

    private void pair(RelationMapping r, Field f) {
        if (r.mappedBy == null) {
            return;
        }
        RelationMapping partner = r.target.relations.stream().filter(p -> p.name.equals(r.mappedBy)).findFirst()
                .orElse(null);
        if (partner == null) {
            problems.add(r.path() + ": mappedBy = \"" + r.mappedBy + "\", but " + r.target.name()
                    + " has no relationship named " + r.mappedBy);
            return;
        }
        if (!partner.targetClass.isAssignableFrom(r.owner.type)) {
            problems.add(r.path() + ": mappedBy = \"" + r.mappedBy + "\" names " + partner.path() + ", which leads to "
                    + partner.targetClass.getSimpleName() + ", not " + r.owner.name());
            return;
        }
        boolean fits = switch (r.kind) {
            case ONE_TO_MANY -> partner.kind == RelationMapping.Kind.MANY_TO_ONE;
            case ONE_TO_ONE -> partner.kind == RelationMapping.Kind.ONE_TO_ONE && partner.ownsKey();
            case MANY_TO_MANY -> partner.kind == RelationMapping.Kind.MANY_TO_MANY && partner.ownsJoinTable();
            case MANY_TO_ONE -> false;
        };
        if (!fits) {
            problems.add(r.path() + ": mappedBy = \"" + r.mappedBy + "\" names " + partner.path() + ", a "
                    + partner.kind + (partner.mappedBy != null ? " that is itself mappedBy" : ""));
            return;
        }
        r.partner = partner;
        partner.partner = r;
        if (r.kind == RelationMapping.Kind.MANY_TO_MANY) {
            r.joinTable = partner.joinTable;
            r.joinOwner = partner.joinTarget;
            r.joinTarget = partner.joinOwner;
        }
    }

    private static void indexColumns(EntityType<?> t) {
        List<Column<?>> all = t.table.columns();
        var index = new int[t.slots.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = indexOf(all, t.slots.get(i).column().name());
        }
        t.tableIndex = index;
    }

    private static int indexOf(List<Column<?>> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("column " + name + " vanished");
    }

    // --- helpers

    private static int addSlot(EntityType<?> t, Slot slot, String path) {
        t.slots.add(slot);
        int index = t.slots.size() - 1;
        if (path != null) {
            t.slotByPath.put(path, index);
        }
        return index;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column<?> references(Column<?> column, Column<?> referenced) {
        return ((Column) column).references(referenced);
    }

    private static List<Column<?>> idColumns(EntityType<?> t) {
        return Arrays.stream(t.idSlots).<Column<?>>mapToObj(i -> t.slots.get(i).column()).toList();
    }

    private static JoinColumn[] joinColumns(Field f) {
        JoinColumns many = f.getAnnotation(JoinColumns.class);
        if (many != null) {
            return many.value();
        }
        JoinColumn one = f.getAnnotation(JoinColumn.class);
        return one == null ? new JoinColumn[0] : new JoinColumn[] {one};
    }

    private static String columnName(Field f, AttributeOverride[] overrides, String path) {
        if (overrides != null) {
            for (AttributeOverride o : overrides) {
                if (o.name().equals(path) && !o.column().name().isEmpty()) {
                    return o.column().name();
                }
            }
        }
        jakarta.persistence.Column ann = f.getAnnotation(jakarta.persistence.Column.class);
        return ann != null && !ann.name().isEmpty() ? ann.name() : snake(f.getName());
    }

    /** The entity's name: {@code @Entity(name)} or the simple class name. */
    static String entityName(Class<?> c) {
        Entity e = c.getAnnotation(Entity.class);
        return e != null && !e.name().isEmpty() ? e.name() : c.getSimpleName();
    }

    /** {@code createdAt} to {@code created_at}, {@code User} to {@code user}, {@code HTTPLog} to {@code http_log}. */
    static String snake(String name) {
        var out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isUpperCase(ch)) {
                boolean afterLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1)) && name.charAt(i - 1) != '_';
                boolean beforeLower = i > 0 && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
                        && Character.isUpperCase(name.charAt(i - 1));
                if (afterLower || beforeLower) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The closest superclass annotated {@code @Entity}, or {@code null}. */
    private static Class<?> entitySuperclass(Class<?> c) {
        for (Class<?> s = c.getSuperclass(); s != null && s != Object.class; s = s.getSuperclass()) {
            if (Mappings.isEntity(s)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The persistent fields of {@code c} and of its {@code @MappedSuperclass} ancestors below {@code stop}
     * (ancestors first): not static, not {@code transient}, not {@code @Transient}.
     */
    private static List<Field> persistentFields(Class<?> c, Class<?> stop) {
        var chain = new ArrayDeque<Class<?>>();
        for (Class<?> s = c; s != null && s != Object.class && s != stop; s = s.getSuperclass()) {
            if (s == c || s.isAnnotationPresent(MappedSuperclass.class)) {
                chain.push(s);
            }
        }
        var fields = new ArrayList<Field>();
        for (Class<?> s : chain) {
            for (Field f : s.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()
                        && !f.isAnnotationPresent(Transient.class)) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }
}
