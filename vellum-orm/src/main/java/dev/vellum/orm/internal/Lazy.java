package dev.vellum.orm.internal;

import java.util.List;

import dev.vellum.error.InterfaceException;

/**
 * The objects one query loaded, for one relationship not loaded with them: touching the relationship on any of
 * them loads it for all of them at once (one {@code IN} query), so a loop over a result costs one query per
 * relationship instead of one per object. Under {@code RAISE} touching it throws instead.
 */
final class Lazy {
    private final DefaultSession session;
    private final RelationMapping relation;
    private final List<Object> owners;
    private final boolean raise;

    Lazy(DefaultSession session, RelationMapping relation, List<Object> owners, boolean raise) {
        this.session = session;
        this.relation = relation;
        this.owners = owners;
        this.raise = raise;
    }

    RelationMapping relation() {
        return relation;
    }

    List<Object> owners() {
        return owners;
    }

    /** Loads the relationship for every owner of this batch still without it, {@code owner} among them. */
    void load(Object owner) {
        if (raise) {
            throw new InterfaceException(relation.path() + " of " + owner.getClass().getSimpleName() + "#"
                    + relation.owner.id(owner) + " is not loaded and its loading strategy is RAISE; load it with "
                    + "the query (Load.selectin(" + relation.owner.name() + "_." + relation.name + "))");
        }
        session.loadLazy(this, owner);
    }
}
