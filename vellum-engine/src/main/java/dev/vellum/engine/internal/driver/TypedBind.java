package dev.vellum.engine.internal.driver;

/**
 * A bind value that carries its SQL type, for what a bare Java value cannot say: a NULL of a known column type,
 * JSON text for PostgreSQL's {@code json}/{@code jsonb}, an array with its element type. Core statements know
 * their binds' types; raw SQL binds never need this.
 */
public sealed interface TypedBind {
    /**
     * A typed NULL.
     *
     * @param jdbcType the {@link java.sql.Types} code
     */
    record Null(int jdbcType) implements TypedBind {
    }

    /**
     * A value sent with {@code setObject(value, jdbcType)}.
     *
     * @param value    the value
     * @param jdbcType the {@link java.sql.Types} code
     */
    record Other(Object value, int jdbcType) implements TypedBind {
    }

    /**
     * A PostgreSQL array.
     *
     * @param elementType the element type's PostgreSQL name ({@code int4}, {@code text}, ...)
     * @param elements    the elements
     */
    record Array(String elementType, Object[] elements) implements TypedBind {
    }
}
