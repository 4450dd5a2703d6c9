/**
 * The annotation processor writing a metamodel class {@code User_} next to each {@code @jakarta.persistence.Entity}
 * {@code User}: its table, a typed Core column for each basic attribute ({@code User_.name}), a nested class for each
 * embedded value ({@code User_.address.city}) and a relationship path for each association ({@code User_.posts}).
 * It reads the mapping the way the ORM runtime does and depends on nothing but {@code java.compiler}; declare it in
 * the compiler's annotation processor path.
 */
package dev.vellum.orm.processor;
