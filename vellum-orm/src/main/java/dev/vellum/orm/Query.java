package dev.vellum.orm;

import java.util.List;
import java.util.stream.Stream;

import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.OrderItem;

/**
 * A query for entities, built with Core conditions on the metamodel's columns and run in its session (after an
 * autoflush): {@code sess.select(Post.class).where(Post_.title.like("%java%")).orderBy(Post_.id.desc()).limit(10)
 * .all()}. Immutable: each step returns a new query.
 *
 * @param <T> the entity type
 * @since 0.1
 */
public interface Query<T> {
    /** Adds a condition (several are ANDed). */
    Query<T> where(Condition condition);

    /** Orders by these items ({@code Post_.id.desc()}). */
    Query<T> orderBy(OrderItem... items);

    /** Orders by these expressions, ascending. */
    Query<T> orderBy(Expression<?>... expressions);

    /** At most {@code rows} objects. */
    Query<T> limit(long rows);

    /** Skips {@code rows} objects. */
    Query<T> offset(long rows);

    /**
     * Joins along a relationship of the queried entity or of an entity joined before, so {@link #where} can filter
     * on the target's columns (and a tuple query can select the target).
     */
    Query<T> join(Relationship<?, ?> relationship);

    /** Overrides how relationships load for this query: {@code options(Load.selectin(User_.posts))}. */
    Query<T> options(Load... loads);

    /** Locks the selected rows ({@code FOR UPDATE}). */
    Query<T> forUpdate();

    /** Every object, in order. */
    List<T> all();

    /** The first object, or {@code null}. */
    T first();

    /** The only object; throws {@link dev.vellum.error.InvalidResultException} for none or several. */
    T one();

    /** The only object or {@code null}; throws for several. */
    T oneOrNull();

    /** The objects as a stream (loaded in full first, so relationships batch as for {@link #all()}). */
    Stream<T> stream();

    /** How many rows match, ignoring limit and offset. */
    long count();
}
