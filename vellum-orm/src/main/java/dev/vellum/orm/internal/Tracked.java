package dev.vellum.orm.internal;

/** A collection a session manages for a to-many field: {@link RelationList} or {@link RelationSet}. */
interface Tracked {
    /** The state behind the collection. */
    RelationCollection tracker();
}
