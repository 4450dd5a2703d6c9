package dev.vellum.orm.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The {@code List} a session puts in a to-many field: loads on first use (with the rest of its batch) and keeps
 * the other side of the relationship in step on {@code add} and {@code remove}.
 *
 * @param <E> the element entity type
 */
final class RelationList<E> extends AbstractList<E> implements RandomAccess, Tracked {
    private final RelationCollection tracker;

    RelationList(RelationCollection tracker) {
        this.tracker = tracker;
    }

    @Override
    public RelationCollection tracker() {
        return tracker;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) tracker.items().get(index);
    }

    @Override
    public int size() {
        return tracker.items().size();
    }

    @Override
    public E set(int index, E element) {
        E old = get(index);
        tracker.items().set(index, element);
        tracker.removed(old);
        tracker.added(element);
        return old;
    }

    @Override
    public void add(int index, E element) {
        tracker.items().add(index, element);
        tracker.added(element);
        modCount++;
    }

    @Override
    public E remove(int index) {
        @SuppressWarnings("unchecked")
        E old = (E) tracker.items().remove(index);
        tracker.removed(old);
        modCount++;
        return old;
    }

    @Override
    public String toString() {
        return tracker.isLoaded() ? super.toString() : "[" + tracker.relation().path() + ", not loaded]";
    }
}
