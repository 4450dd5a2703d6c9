package dev.vellum.orm;

import dev.vellum.orm.internal.Mappings;
import dev.vellum.sql.ast.Condition;

/**
 * A relationship attribute of an entity, as the generated metamodel names it ({@code User_.posts},
 * {@code Post_.author}): the path for joins ({@code query.join(User_.posts)}), loading options
 * ({@code Load.selectin(User_.posts)}) and conditions ({@code Post_.author.is(alice)}).
 *
 * @param <S> the entity that declares the relationship
 * @param <T> the entity it leads to
 * @since 0.1
 */
public final class Relationship<S, T> {
    private final Class<S> owner;
    private final String name;
    private final Class<T> target;

    Relationship(Class<S> owner, String name, Class<T> target) {
        this.owner = owner;
        this.name = name;
        this.target = target;
    }

    /** The entity class declaring the relationship. */
    public Class<S> owner() {
        return owner;
    }

    /** The field name. */
    public String name() {
        return name;
    }

    /** The entity class the relationship leads to. */
    public Class<T> target() {
        return target;
    }

    /**
     * For a to-one relationship: the rows whose foreign key points at {@code other} ({@code Post_.author.is(alice)}
     * is {@code posts.author_id = alice.id}); {@code is(null)} is {@code IS NULL}.
     */
    public Condition is(T other) {
        return Mappings.relation(owner, name).refersTo(other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Relationship<?, ?> r && r.owner == owner && r.name.equals(name);
    }

    @Override
    public int hashCode() {
        return owner.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
