package dev.vellum.orm;

import dev.vellum.orm.internal.Mappings;
import dev.vellum.sql.Column;
import dev.vellum.sql.Table;

/**
 * What the generated metamodel classes ({@code User_}) are made of: each constant is one of these calls, resolved
 * against the mapping Vellum reads from the entity's annotations, so the typed columns are the very columns the ORM
 * writes. Mapping problems surface when a metamodel class is first initialised: the JVM wraps the
 * {@link dev.vellum.error.MappingException} in an {@code ExceptionInInitializerError} (create the {@code Orm} first
 * to get the plain exception); a column whose Java type differs from the one the processor saw fails the same way.
 *
 * @since 0.1
 */
public final class Metamodel {
    private Metamodel() {
    }

    /** The table {@code entity} is stored in. */
    public static Table table(Class<?> entity) {
        return Mappings.entity(entity).table();
    }

    /** The column of {@code entity}'s attribute {@code path} ({@code "name"}, or {@code "address.city"}). */
    public static <T> Column<T> column(Class<?> entity, String path, Class<T> javaType) {
        return Mappings.entity(entity).column(path, javaType);
    }

    /** The relationship {@code name} of {@code owner}, leading to {@code target}. */
    public static <S, T> Relationship<S, T> relationship(Class<S> owner, String name, Class<T> target) {
        Mappings.relation(owner, name).checkTarget(target);
        return new Relationship<>(owner, name, target);
    }
}
