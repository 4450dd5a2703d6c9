package dev.vellum.orm.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a to-many field holds once a session knows its object: the elements, loaded on first use through its
 * {@link Lazy} batch, and the other side kept in step: adding a post to {@code user.getPosts()} sets the post's
 * author to the user, removing it clears the author. {@link RelationList} and {@link RelationSet} are its two
 * shapes.
 */
final class RelationCollection {
    private final Object owner;
    private final RelationMapping relation;
    private Lazy lazy;
    private List<Object> items;

    RelationCollection(Object owner, RelationMapping relation, Lazy lazy, Collection<?> initial) {
        this.owner = owner;
        this.relation = relation;
        this.lazy = lazy;
        this.items = initial == null ? null : new ArrayList<>(initial);
    }

    boolean isLoaded() {
        return items != null;
    }

    /** Sets the loaded elements (from the loader; the other side is already consistent). */
    void resolve(List<?> loaded) {
        items = new ArrayList<>(loaded);
        lazy = null;
    }

    List<Object> items() {
        if (items == null) {
            lazy.load(owner);
            if (items == null) {
                throw new IllegalStateException(relation.path() + " did not load");
            }
        }
        return items;
    }

    /** The elements if loaded, without loading. */
    List<Object> loadedItems() {
        return items;
    }

    RelationMapping relation() {
        return relation;
    }

    void added(Object element) {
        Sync.linked(relation, owner, element);
    }

    void removed(Object element) {
        Sync.unlinked(relation, owner, element);
    }
}
