package dev.vellum.orm.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.vellum.error.InterfaceException;
import dev.vellum.error.InvalidResultException;
import dev.vellum.orm.Load;
import dev.vellum.orm.LoadStrategy;
import dev.vellum.orm.Query;
import dev.vellum.orm.Relationship;
import dev.vellum.orm.Tuple;
import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.FromItem;
import dev.vellum.sql.ast.OrderItem;
import dev.vellum.sql.ast.Select;

/**
 * An immutable query for entities or tuples: the parts given so far, turned into a Core {@link Select} of the
 * primary entity's table (with the discriminator condition for a subclass, and joins along relationships) when it
 * runs. A tuple query selects further entities (whose tables a join brought in) and expressions.
 *
 * @param <T> the entity type, or {@link Tuple}
 */
final class DefaultQuery<T> implements Query<T> {
    /** What a query selects and how its rows become results. */
    private record Shape<T>(EntityType<?> primary, List<Object> extras, Function<List<Object>, T> result) {
    }

    private final DefaultSession session;
    private final Shape<T> shape;
    private final List<Condition> where;
    private final List<OrderItem> order;
    private final List<RelationMapping> joins;
    private final Map<RelationMapping, LoadStrategy> overrides;
    private final long limit;
    private final long offset;
    private final boolean forUpdate;

    private DefaultQuery(DefaultSession session, Shape<T> shape, List<Condition> where, List<OrderItem> order,
                         List<RelationMapping> joins, Map<RelationMapping, LoadStrategy> overrides, long limit,
                         long offset, boolean forUpdate) {
        this.session = session;
        this.shape = shape;
        this.where = where;
        this.order = order;
        this.joins = joins;
        this.overrides = overrides;
        this.limit = limit;
        this.offset = offset;
        this.forUpdate = forUpdate;
    }

    /** A query for objects of {@code type}. */
    static <T> DefaultQuery<T> entities(DefaultSession session, EntityType<T> type) {
        var shape = new Shape<T>(type, List.of(), parts -> type.type.cast(parts.getFirst()));
        return new DefaultQuery<>(session, shape, List.of(), List.of(), List.of(), Map.of(), -1, -1, false);
    }

    /** A query for tuples of {@code type} and {@code extras} (entity types and expressions). */
    static DefaultQuery<Tuple> tuples(DefaultSession session, EntityType<?> type, List<Object> extras) {
        var parts = new ArrayList<Object>();
        parts.add(type.type);
        for (Object e : extras) {
            parts.add(e instanceof EntityType<?> t ? t.type : e);
        }
        var shape = new Shape<Tuple>(type, List.copyOf(extras), values -> new Tuple(values, parts));
        return new DefaultQuery<>(session, shape, List.of(), List.of(), List.of(), Map.of(), -1, -1, false);
    }

    private DefaultQuery<T> with(List<Condition> w, List<OrderItem> o, List<RelationMapping> j,
                                 Map<RelationMapping, LoadStrategy> ov, long l, long off, boolean lock) {
        return new DefaultQuery<>(session, shape, w, o, j, ov, l, off, lock);
    }

    private static <E> List<E> plus(List<E> list, E more) {
        var out = new ArrayList<E>(list);
        out.add(more);
        return List.copyOf(out);
    }

    @Override
    public Query<T> where(Condition condition) {
        if (condition == null) {
            throw new InterfaceException("where needs a condition, got null");
        }
        return with(plus(where, condition), order, joins, overrides, limit, offset, forUpdate);
    }

    @Override
    public Query<T> orderBy(OrderItem... items) {
        var out = new ArrayList<>(order);
        out.addAll(List.of(items));
        return with(where, List.copyOf(out), joins, overrides, limit, offset, forUpdate);
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
    public Query<T> join(Relationship<?, ?> relationship) {
        if (relationship == null) {
            throw new InterfaceException("join needs a relationship, got null");
        }
        RelationMapping r = Mappings.relation(relationship.owner(), relationship.name());
        boolean reachable = r.owner.root == shape.primary.root
                || joins.stream().anyMatch(j -> j.target.root == r.owner.root);
        if (!reachable) {
            throw new InterfaceException("join: " + relationship + " starts from " + r.owner.name() + ", which is "
                    + "neither the queried " + shape.primary.name() + " nor joined before");
        }
        if (r.target.root.table == r.owner.root.table) {
            throw new InterfaceException("join along " + r.path() + " joins " + r.owner.root.table.name()
                    + " to itself; write the self-join in Core with an alias");
        }
        return with(where, order, plus(joins, r), overrides, limit, offset, forUpdate);
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

    // --- building

    private List<Expression<?>> selected() {
        var columns = new ArrayList<Expression<?>>(shape.primary.root.table.columns());
        for (Object extra : shape.extras) {
            if (extra instanceof EntityType<?> t) {
                if (joins.stream().noneMatch(j -> j.target.root == t.root)) {
                    throw new InterfaceException("select: " + t.name() + " is not joined; add join(...) along a "
                            + "relationship that leads to it");
                }
                columns.addAll(t.root.table.columns());
            } else {
                columns.add((Expression<?>) extra);
            }
        }
        return columns;
    }

    private FromItem from() {
        FromItem from = shape.primary.root.table;
        for (RelationMapping r : joins) {
            from = join(from, r);
        }
        return from;
    }

    private Condition condition() {
        Condition condition = discriminator(shape.primary);
        for (Object extra : shape.extras) {
            if (extra instanceof EntityType<?> t) {
                Condition d = discriminator(t);
                condition = d == null ? condition : condition == null ? d : condition.and(d);
            }
        }
        for (Condition c : where) {
            condition = condition == null ? c : condition.and(c);
        }
        return condition;
    }

    private Select build(List<RelationMapping> joined) {
        var columns = new ArrayList<>(selected());
        FromItem from = from();
        var orderItems = new ArrayList<>(order);
        for (RelationMapping r : joined) {
            columns.addAll(r.target.root.table.columns());
            List<Column<?>> ownerIds = Loader.idColumns(r.owner.root);
            List<Column<?>> targetIds = Loader.idColumns(r.target.root);
            from = from.leftJoin(r.target.root.table, r.ownsKey() ? equal(targetIds, r.keyColumns)
                    : equal(r.partner.keyColumns, ownerIds));
            if (r.toMany()) {
                ownerIds.forEach(c -> orderItems.add(c.asc()));
                targetIds.forEach(c -> orderItems.add(c.asc()));
            }
        }
        Select select = Sql.select(columns).from(from);
        Condition condition = condition();
        if (condition != null) {
            select = select.where(condition);
        }
        if (!orderItems.isEmpty()) {
            select = select.orderBy(orderItems.toArray(OrderItem[]::new));
        }
        if (limit >= 0) {
            select = select.limit(limit);
        }
        if (offset >= 0) {
            select = select.offset(offset);
        }
        return forUpdate ? select.forUpdate() : select;
    }

    private static FromItem join(FromItem from, RelationMapping r) {
        List<Column<?>> ownerIds = Loader.idColumns(r.owner.root);
        List<Column<?>> targetIds = Loader.idColumns(r.target.root);
        if (r.ownsKey()) {
            return from.join(r.target.root.table, equal(targetIds, r.keyColumns));
        }
        if (r.kind == RelationMapping.Kind.MANY_TO_MANY) {
            return from.join(r.joinTable, equal(r.joinOwner, ownerIds))
                    .join(r.target.root.table, equal(targetIds, r.joinTarget));
        }
        return from.join(r.target.root.table, equal(r.partner.keyColumns, ownerIds));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Condition equal(List<Column<?>> a, List<Column<?>> b) {
        Condition[] terms = IntStream.range(0, a.size())
                .mapToObj(i -> ((Column) a.get(i)).eq((Expression) b.get(i))).toArray(Condition[]::new);
        return terms.length == 1 ? terms[0] : Sql.and(terms);
    }

    /** For a subclass under single-table inheritance, the rows of it and its subclasses. */
    private static Condition discriminator(EntityType<?> type) {
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

    // --- running

    private List<T> run(DefaultQuery<T> query) {
        List<RelationMapping> joined = query.joinedLoads();
        return session.run(shape.primary, shape.extras, query.build(joined), overrides, joined, shape.result);
    }

    /**
     * The relationships this query loads with {@code LEFT JOIN}s: those whose strategy is {@code JOINED}, except
     * many-to-many, self-references, tables already joined, and collections under a limit or offset (a row limit
     * would cut a collection short); those load as {@code SELECTIN} instead.
     */
    private List<RelationMapping> joinedLoads() {
        var out = new ArrayList<RelationMapping>();
        if (!shape.extras.isEmpty()) {
            return out;
        }
        for (RelationMapping r : shape.primary.relations) {
            boolean fits = overrides.getOrDefault(r, r.strategy) == LoadStrategy.JOINED
                    && r.kind != RelationMapping.Kind.MANY_TO_MANY
                    && r.target.root.table != shape.primary.root.table
                    && !(r.toMany() && (limit >= 0 || offset >= 0))
                    && joins.stream().noneMatch(j -> j.target.root == r.target.root)
                    && out.stream().noneMatch(o -> o.target.root == r.target.root);
            if (fits) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public List<T> all() {
        return run(this);
    }

    @Override
    public T first() {
        List<T> rows = limit == 0 ? List.of() : run((DefaultQuery<T>) limit(1));
        return rows.isEmpty() ? null : rows.getFirst();
    }

    @Override
    public T one() {
        T found = oneOrNull();
        if (found == null) {
            throw new InvalidResultException("one() found no " + shape.primary.name());
        }
        return found;
    }

    @Override
    public T oneOrNull() {
        List<T> rows = run(limit == -1 ? (DefaultQuery<T>) limit(2) : this);
        if (rows.size() > 1) {
            throw new InvalidResultException("one() found more than one " + shape.primary.name());
        }
        return rows.isEmpty() ? null : rows.getFirst();
    }

    @Override
    public Stream<T> stream() {
        return all().stream();
    }

    @Override
    public long count() {
        EntityType<?> root = shape.primary.root;
        Expression<Long> counted = joins.isEmpty() || root.idSlots.length > 1 ? Sql.count()
                : Sql.countDistinct(Loader.idColumns(root).getFirst());
        Select select = Sql.select(counted).from(from());
        Condition condition = condition();
        if (condition != null) {
            select = select.where(condition);
        }
        Long n = session.scalar(select, Long.class);
        return n == null ? 0 : n;
    }
}
