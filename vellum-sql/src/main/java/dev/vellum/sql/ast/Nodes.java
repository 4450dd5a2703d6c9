package dev.vellum.sql.ast;

import dev.vellum.error.InterfaceException;

/** Argument checks shared by the AST nodes: a clear {@link InterfaceException}, never a bare NPE. */
final class Nodes {
    private Nodes() {
    }

    static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new InterfaceException(what + " must not be null");
        }
        return value;
    }

    /** A name for an alias or label: any text is allowed, since the dialect quotes it. */
    static String identifier(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new InterfaceException(what + " needs a non-empty name");
        }
        return name;
    }

    /** A function name is emitted unquoted, so it must be a plain identifier (letters, digits, underscores). */
    static String functionName(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new InterfaceException("a function name must be a plain identifier, got '" + name + "'");
        }
        return name;
    }
}
