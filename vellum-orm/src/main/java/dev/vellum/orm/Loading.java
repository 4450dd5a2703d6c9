package dev.vellum.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The loading strategy of a relationship field, which JPA's annotations cannot say: {@code @Loading(SELECTIN)}
 * or {@code @Loading(RAISE)} next to {@code @OneToMany}. A query can override it with {@link Load}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Loading {
    /** The strategy. */
    LoadStrategy value();
}
