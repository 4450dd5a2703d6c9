package dev.vellum.orm.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.vellum.error.InterfaceException;
import dev.vellum.error.InvalidResultException;
import dev.vellum.orm.Load;
import dev.vellum.orm.LoadStrategy;
import dev.vellum.orm.Query;
import dev.vellum.orm.Relationship;
import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.OrderItem;
import dev.vellum.sql.ast.Select;

/**
 * An immutable entity query: the parts given so far, turned into a Core {@link Select} of the entity's table
 * (with the discriminator condition for a subclass, and joins along relationships) when it runs.
 *
 * @param <T> the entity type
 */
final class DefaultQuery<T> implements Query<T> {
    private final DefaultSession session;
    private final EntityType<T> type;
    private final List<Condition> where;
    private final List<OrderItem> order;
    private final List<RelationMapping> joins;
    private final Map<RelationMapping, LoadStrategy> overrides;
    private final long limit;
    private final long offset;
    private final boolean forUpdate;

    DefaultQuery(DefaultSession session, EntityType<T> type) {
        this(session, type, List.of(), List.of(), List.of(), Map.of(), -1, -1, false);
    }

    private DefaultQuery(DefaultSession session, EntityType<T> type, List<Condition> where, List<OrderItem> order,
                         List<RelationMapping> joins, Map<RelationMapping, LoadStrategy> overrides, long limit,
                         long offset, boolean forUpdate) {
        this.session = session;
        this.type = type;
        this.where = where;
        this.order = order;
        this.joins = joins;
        this.overrides = overrides;
        this.limit = limit;
        this.offset = offset;
        this.forUpdate = forUpdate;
    }

    private DefaultQuery<T> with(List<Condition> w, List<OrderItem> o, List<RelationMapping> j,
                                 Map<RelationMapping, LoadStrategy> ov, long l, long off, boolean lock) {
        return new DefaultQuery<>(session, type, w, o, j, ov, l, off, lock);
    }

    private static <E> List<E> plus(List<E> list, List<E> more) {
        var out = new ArrayList<E>(list);
        out.addAll(more);
        return List.copyOf(out);
    }

    @Override
    public Query<T> where(Condition condition) {
        if (condition == null) {
            throw new InterfaceException("where needs a condition, got null");
        }
        return with(plus(where, List.of(condition)), order, joins, overrides, limit, offset, forUpdate);
    }

    @Override
    public Query<T> orderBy(OrderItem... items) {
        return with(where, plus(order, List.of(items)), joins, overrides, limit, offset, forUpdate);
    }

    @Override
    public Query<T> orderBy(Expression<?>... expressions) {
        return orderBy(Stream.of(expressions).map(Expression::asc).toArray(OrderItem[]::new));
    }

    @Override
    public Query<T> limit(long rows) {
        if (rows < 0) {
            throw new InterfaceException("limit must not be negative, got " + rows);
        }
        return with(where, order, joins, overrides, rows, offset, forUpdate);
    }

    @Override
    public Query<T> offset(long rows) {
        if (rows < 0) {
            throw new InterfaceException("offset must not be negative, got " + rows);
        }
        return with(where, order, joins, overrides, limit, rows, forUpdate);
    }

    @Override
    public Query<T> join(Relationship<? super T, ?> relationship) {
        RelationMapping r = relationOf(relationship);
        return with(where, order, plus(joins, List.of(r)), overrides, limit, offset, forUpdate);
    }

    @Override
    public Query<T> options(Load... loads) {
        var map = new IdentityHashMap<RelationMapping, LoadStrategy>(overrides);
        for (Load load : loads) {
            if (load == null) {
                throw new InterfaceException("options needs Load values, got null");
            }
            map.put(Mappings.relation(load.relationship().owner(), load.relationship().name()), load.strategy());
        }
        return with(where, order, joins, Map.copyOf(map), limit, offset, forUpdate);
    }

    @Override
    public Query<T> forUpdate() {
        return with(where, order, joins, overrides, limit, offset, true);
    }

    private RelationMapping relationOf(Relationship<?, ?> relationship) {
        if (relationship == null) {
            throw new InterfaceException("join needs a relationship, got null");
        }
        if (!relationship.owner().isAssignableFrom(type.type)) {
            throw new InterfaceException("join: " + relationship + " is not a relationship of " + type.name());
        }
        return Mappings.relation(relationship.owner(), relationship.name());
    }

    private Select build() {
        Select select = Sql.select(type.root.table);
        for (RelationMapping r : joins) {
            select = join(select, r);
        }
        Condition condition = discriminator();
        for (Condition c : where) {
            condition = condition == null ? c : condition.and(c);
        }
        if (condition != null) {
            select = select.where(condition);
        }
        if (!order.isEmpty()) {
            select = select.orderBy(order.toArray(OrderItem[]::new));
        }
        if (limit >= 0) {
            select = select.limit(limit);
        }
        if (offset >= 0) {
            select = select.offset(offset);
        }
        return forUpdate ? select.forUpdate() : select;
    }

    private static Select join(Select select, RelationMapping r) {
        List<Column<?>> ownerIds = Loader.idColumns(r.owner.root);
        List<Column<?>> targetIds = Loader.idColumns(r.target.root);
        if (r.target.root.table == r.owner.root.table) {
            throw new InterfaceException("join along " + r.path() + " joins " + r.owner.root.table.name()
                    + " to itself; write the self-join in Core with an alias");
        }
        if (r.ownsKey()) {
            return select.join(r.target.root.table, equal(targetIds, r.keyColumns));
        }
        if (r.kind == RelationMapping.Kind.MANY_TO_MANY) {
            return select.join(r.joinTable, equal(r.joinOwner, ownerIds))
                    .join(r.target.root.table, equal(targetIds, r.joinTarget));
        }
        return select.join(r.target.root.table, equal(r.partner.keyColumns, ownerIds));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Condition equal(List<Column<?>> a, List<Column<?>> b) {
        Condition[] terms = IntStream.range(0, a.size())
                .mapToObj(i -> ((Column) a.get(i)).eq((Expression) b.get(i))).toArray(Condition[]::new);
        return terms.length == 1 ? terms[0] : Sql.and(terms);
    }

    /** For a subclass under single-table inheritance, the rows of it and its subclasses. */
    private Condition discriminator() {
        if (type.isRoot() || type.discriminatorValue == null) {
            return null;
        }
        var values = new ArrayList<Object>();
        for (EntityType<?> t : type.root.subtypes.values()) {
            if (type.type.isAssignableFrom(t.type)) {
                values.add(t.discriminatorValue);
            }
        }
        Column<?> column = type.root.slots.stream().filter(s -> s instanceof Slot.Discriminator).findFirst()
                .orElseThrow().column();
        return Conditions.keyIn(List.of(column), values);
    }

    @Override
    public List<T> all() {
        return session.run(type, build(), overrides);
    }

    @Override
    public T first() {
        List<T> rows = limit == 0 ? List.of() : session.run(type, ((DefaultQuery<T>) limit(1)).build(), overrides);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    @Override
    public T one() {
        T found = oneOrNull();
        if (found == null) {
            throw new InvalidResultException("one() found no " + type.name());
        }
        return found;
    }

    @Override
    public T oneOrNull() {
        Select select = limit == -1 ? ((DefaultQuery<T>) limit(2)).build() : build();
        List<T> rows = session.run(type, select, overrides);
        if (rows.size() > 1) {
            throw new InvalidResultException("one() found more than one " + type.name());
        }
        return rows.isEmpty() ? null : rows.getFirst();
    }

    @Override
    public Stream<T> stream() {
        return all().stream();
    }

    @Override
    public long count() {
        Expression<Long> counted = joins.isEmpty() || type.root.idSlots.length > 1 ? Sql.count()
                : Sql.countDistinct(Loader.idColumns(type.root).getFirst());
        Select select = build();
        Select countSelect = Sql.select(counted).from(select.from().toArray(dev.vellum.sql.ast.FromItem[]::new));
        if (select.where() != null) {
            countSelect = countSelect.where(select.where());
        }
        session.autoflush();
        try (var result = session.connection().execute(countSelect)) {
            return ((Number) result.scalar()).longValue();
        }
    }
}
