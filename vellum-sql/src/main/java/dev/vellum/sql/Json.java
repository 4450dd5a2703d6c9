package dev.vellum.sql;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Expression;

/**
 * JSON operators on {@link SqlTypes#JSON} and {@link SqlTypes#JSONB} expressions, PostgreSQL's {@code ->},
 * {@code ->>} and {@code @>}: {@code Json.getText(EVENTS.payload, "kind").eq("click")}. PostgreSQL and SQLite write
 * the operators; MariaDB writes {@code JSON_EXTRACT}, {@code JSON_UNQUOTE} and {@code JSON_CONTAINS}. Keys and
 * values are binds. Thread-safe.
 *
 * @since 0.1
 */
public final class Json {
    private Json() {
    }

    /** {@code json -> key}: the member under an object key, as JSON. */
    public static Expression<String> get(Expression<String> json, String key) {
        return new Expression.JsonGet<>(checked(json), new Expression.Bind<>(notNull(key), SqlTypes.TEXT), false,
                json.type());
    }

    /** {@code json -> index}: the element at a 0-based array index, as JSON. */
    public static Expression<String> get(Expression<String> json, int index) {
        return new Expression.JsonGet<>(checked(json), new Expression.Bind<>(index, SqlTypes.INTEGER), false,
                json.type());
    }

    /** {@code json ->> key}: the member under an object key, as text (a JSON string unquoted). */
    public static Expression<String> getText(Expression<String> json, String key) {
        return new Expression.JsonGet<>(checked(json), new Expression.Bind<>(notNull(key), SqlTypes.TEXT), true,
                SqlTypes.TEXT);
    }

    /** {@code json ->> index}: the element at a 0-based array index, as text. */
    public static Expression<String> getText(Expression<String> json, int index) {
        return new Expression.JsonGet<>(checked(json), new Expression.Bind<>(index, SqlTypes.INTEGER), true,
                SqlTypes.TEXT);
    }

    /** {@code json @> other}: {@code json} contains the JSON document {@code other} (given as JSON text). */
    public static Condition contains(Expression<String> json, String other) {
        return new Condition.JsonContains(checked(json), new Expression.Bind<>(notNull(other), json.type()));
    }

    private static Expression<String> checked(Expression<String> json) {
        if (json == null) {
            throw new InterfaceException("the JSON expression must not be null");
        }
        if (!(json.type().storage() instanceof SqlType.Scalar<?> s)
                || s.kind() != SqlType.Kind.JSON && s.kind() != SqlType.Kind.JSONB) {
            throw new InterfaceException("JSON operators need a JSON or JSONB expression; " + json + " is "
                    + json.type());
        }
        return json;
    }

    private static String notNull(String text) {
        if (text == null) {
            throw new InterfaceException("a JSON key or document must not be null");
        }
        return text;
    }
}
