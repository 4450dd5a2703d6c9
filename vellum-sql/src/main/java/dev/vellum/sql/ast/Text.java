package dev.vellum.sql.ast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Raw SQL with {@code :name} binds: {@code Sql.text("SELECT * FROM users WHERE name = :name").bind("name", n)}.
 * The values travel as bind parameters; the text is sent as written.
 *
 * <p><b>The text is SQL.</b> Never build it from user input: put values in binds. Identifiers in raw SQL are
 * not quoted for you.
 *
 * @param sql    the SQL text
 * @param params the named values
 * @since 0.1
 */
public record Text(String sql, Map<String, Object> params) implements Statement {
    /** Copies the parameters (null values allowed). */
    public Text {
        Nodes.notNull(sql, "the SQL text");
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** This text with {@code name} bound to {@code value}. */
    public Text bind(String name, Object value) {
        var map = new LinkedHashMap<>(params);
        map.put(Nodes.identifier(name, "a bind"), value);
        return new Text(sql, map);
    }
}
