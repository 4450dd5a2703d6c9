package dev.vellum.engine.internal;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.UUID;

/** Python-style text forms of values and rows, for {@code Row.toString()} and messages. Thread-safe. */
final class Rows {
    private Rows() {
    }

    /** {@code (1, 'Alice')}; a single value prints as {@code (1,)}, as Python prints a one-tuple. */
    static String tuple(Object[] values) {
        var sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(repr(values[i]));
        }
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }

    /** Strings, dates and UUIDs quoted; numbers and booleans bare; bytes as {@code b'\x00…'}; null as null. */
    static String repr(Object v) {
        return switch (v) {
            case null -> "null";
            case String s -> quote(s);
            case BigDecimal d -> d.toPlainString();
            case byte[] b -> "b'" + (b.length <= 32 ? hex(b) : hex(java.util.Arrays.copyOf(b, 32)) + "...") + "'";
            case TemporalAccessor t -> quote(t.toString());
            case UUID u -> quote(u.toString());
            default -> v.toString();
        };
    }

    private static String hex(byte[] b) {
        var sb = new StringBuilder();
        for (byte x : b) {
            sb.append("\\x").append(HexFormat.of().toHexDigits(x));
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
