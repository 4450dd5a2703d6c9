/**
 * The ORM layer: entity mapping from {@code jakarta.persistence} annotations, the Session (identity map, unit of
 * work, dirty tracking), relationships and their loading strategies, optimistic locking and events. Built on the
 * Engine and Core; nothing below knows it exists.
 */
module dev.vellum.orm {
    requires transitive dev.vellum.engine;
    requires transitive jakarta.persistence;

    exports dev.vellum.orm;
}
