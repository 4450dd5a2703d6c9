package dev.vellum.orm.internal;

import java.util.AbstractSet;
import java.util.Iterator;

/**
 * The {@code Set} a session puts in a to-many {@code Set} field: loads on first use (with the rest of its batch)
 * and keeps the other side of the relationship in step on {@code add} and {@code remove}. Elements are compared
 * with {@code equals}, which for entities is identity unless the class says otherwise.
 *
 * @param <E> the element entity type
 */
final class RelationSet<E> extends AbstractSet<E> implements Tracked {
    private final RelationCollection tracker;

    RelationSet(RelationCollection tracker) {
        this.tracker = tracker;
    }

    @Override
    public RelationCollection tracker() {
        return tracker;
    }

    @Override
    public Iterator<E> iterator() {
        @SuppressWarnings("unchecked")
        Iterator<E> inner = (Iterator<E>) tracker.items().iterator();
        return new Iterator<>() {
            private E last;

            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public E next() {
                last = inner.next();
                return last;
            }

            @Override
            public void remove() {
                inner.remove();
                tracker.removed(last);
            }
        };
    }

    @Override
    public int size() {
        return tracker.items().size();
    }

    @Override
    public boolean contains(Object o) {
        return tracker.items().contains(o);
    }

    @Override
    public boolean add(E element) {
        if (tracker.items().contains(element)) {
            return false;
        }
        tracker.items().add(element);
        tracker.added(element);
        return true;
    }

    @Override
    public boolean remove(Object o) {
        if (!tracker.items().remove(o)) {
            return false;
        }
        tracker.removed(o);
        return true;
    }

    @Override
    public String toString() {
        return tracker.isLoaded() ? super.toString() : "[" + tracker.relation().path() + ", not loaded]";
    }
}
