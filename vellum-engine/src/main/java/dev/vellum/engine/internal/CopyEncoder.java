package dev.vellum.engine.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.vellum.error.DataException;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.ProgrammingException;

/**
 * Writes rows in PostgreSQL's COPY text format into a growing byte buffer, UTF-8 encoded: fields separated by a
 * tab, rows ended by a newline, NULL as {@code \N}, and in values a backslash, newline, carriage return and tab
 * escaped as {@code \\}, {@code \n}, {@code \r} and {@code \t} (no other byte is special, so the end-of-data
 * marker {@code \.} cannot appear). Values are written in the input syntax of their type, which the server parses
 * by the column's type: numbers in decimal, {@code t}/{@code f}, ISO dates and times (with {@code BC} and
 * {@code infinity} as PostgreSQL spells them), {@code bytea} in hex, arrays as {@code {"a","b",NULL}} literals.
 *
 * <p>Text and not binary: the server converts text to the column's actual type (an {@code int} given for a
 * {@code bigint} column, a string for an enum or {@code jsonb} column), where binary COPY fails unless every value
 * has exactly the column's wire type; and the encoding is a byte loop with no per-type wire codecs to get wrong.
 * Single-threaded.
 */
final class CopyEncoder {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf;
    private int size;

    CopyEncoder(int capacity) {
        buf = new byte[capacity];
    }

    byte[] buffer() {
        return buf;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Ends a field: a tab. */
    void separator() {
        ensure(1);
        buf[size++] = '\t';
    }

    /** Ends a row: a newline. */
    void endRow() {
        ensure(1);
        buf[size++] = '\n';
    }

    /**
     * Writes one value, as the database stores it (converters already applied).
     *
     * @param what names the value in error messages
     */
    void value(Object v, Object what) {
        switch (v) {
            case null -> ascii("\\N");
            case String s -> text(s, what);
            case Long l -> integer(l);
            case Integer i -> integer(i);
            case Short s -> integer(s);
            case Byte b -> integer(b);
            case Boolean b -> {
                ensure(1);
                buf[size++] = (byte) (b ? 't' : 'f');
            }
            case BigDecimal d -> ascii(d.toPlainString());
            case BigInteger i -> ascii(i.toString());
            case Double d -> ascii(Double.toString(d));
            case Float f -> ascii(Float.toString(f));
            case UUID u -> ascii(u.toString());
            case byte[] b -> bytea(b);
            case Character c -> text(c.toString(), what);
            case Enum<?> e -> text(e.name(), what);
            case List<?> list -> text(arrayLiteral(list, what), what);
            default -> {
                String temporal = temporal(v);
                if (temporal == null) {
                    throw new ProgrammingException("cannot COPY a value of type " + v.getClass().getName() + " ("
                            + what + "): use numbers, text, byte[], Boolean, java.time values, UUID, enums or Lists",
                            DatabaseException.Detail.of(null), null);
                }
                ascii(temporal);
            }
        }
    }

    // --- text

    /** A string, UTF-8 encoded with the four COPY escapes; no allocation. */
    private void text(String s, Object what) {
        int n = s.length();
        ensure(3 * n); // the worst case: three bytes per char (escapes take two, surrogate pairs four per two)
        byte[] b = buf;
        int at = size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '\\') {
                    b[at++] = (byte) c;
                    continue;
                }
                switch (c) {
                    case '\\' -> {
                        b[at++] = '\\';
                        b[at++] = '\\';
                    }
                    case '\n' -> {
                        b[at++] = '\\';
                        b[at++] = 'n';
                    }
                    case '\r' -> {
                        b[at++] = '\\';
                        b[at++] = 'r';
                    }
                    case '\t' -> {
                        b[at++] = '\\';
                        b[at++] = 't';
                    }
                    case 0 -> throw new DataException("PostgreSQL text cannot contain the NUL character (\\u0000): "
                            + what, DatabaseException.Detail.of(null), null);
                    default -> b[at++] = (byte) c; // other control characters are taken literally
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xc0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < n ? s.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(c, low);
                    i++;
                    b[at++] = (byte) (0xf0 | cp >> 18);
                    b[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    b[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    b[at++] = (byte) (0x80 | cp & 0x3f);
                } else {
                    b[at++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) (and so pgjdbc) replaces it
                }
            } else {
                b[at++] = (byte) (0xe0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        size = at;
    }

    /** ASCII text that needs no escape (numbers, dates, UUIDs). */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        byte[] b = buf;
        int at = size;
        for (int i = 0; i < n; i++) {
            b[at++] = (byte) s.charAt(i);
        }
        size = at;
    }

    private void integer(long v) {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[size++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int at = size + digits;
        size = at;
        do {
            buf[--at] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
    }

    /** {@code bytea} hex input, {@code \x0a1b}, with its backslash escaped for COPY. */
    private void bytea(byte[] bytes) {
        ensure(3 + 2 * bytes.length);
        buf[size++] = '\\';
        buf[size++] = '\\';
        buf[size++] = 'x';
        for (byte x : bytes) {
            buf[size++] = HEX[(x >> 4) & 0xf];
            buf[size++] = HEX[x & 0xf];
        }
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    // --- text forms that are built as strings first

    /** A {@code java.time} value in PostgreSQL's input syntax, or {@code null} when {@code v} is none. */
    static String temporal(Object v) {
        return switch (v) {
            case LocalDateTime t when t.equals(LocalDateTime.MAX) -> "infinity";
            case LocalDateTime t when t.equals(LocalDateTime.MIN) -> "-infinity";
            case LocalDateTime t -> timestamp(t, null);
            case LocalDate d when d.equals(LocalDate.MAX) -> "infinity";
            case LocalDate d when d.equals(LocalDate.MIN) -> "-infinity";
            case LocalDate d -> {
                var sb = new StringBuilder(13);
                date(sb, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
                yield d.getYear() <= 0 ? sb.append(" BC").toString() : sb.toString();
            }
            case LocalTime t -> {
                var sb = new StringBuilder(15);
                time(sb, t);
                yield sb.toString();
            }
            case OffsetDateTime t when t.equals(OffsetDateTime.MAX) -> "infinity";
            case OffsetDateTime t when t.equals(OffsetDateTime.MIN) -> "-infinity";
            case OffsetDateTime t -> timestamp(t.toLocalDateTime(), t.getOffset());
            case ZonedDateTime t -> timestamp(t.toLocalDateTime(), t.getOffset());
            case Instant t -> timestamp(LocalDateTime.ofInstant(t, ZoneOffset.UTC), ZoneOffset.UTC);
            default -> null;
        };
    }

    /** {@code 2024-05-01 12:30:05.123456+02:00}, with {@code BC} last for years before 1. */
    private static String timestamp(LocalDateTime t, ZoneOffset offset) {
        var sb = new StringBuilder(40);
        date(sb, t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        sb.append(' ');
        time(sb, t.toLocalTime());
        if (offset != null) {
            int secs = offset.getTotalSeconds();
            sb.append(secs < 0 ? '-' : '+');
            secs = Math.abs(secs);
            pad(sb, secs / 3600, 2).append(':');
            pad(sb, secs / 60 % 60, 2);
            if (secs % 60 != 0) {
                pad(sb.append(':'), secs % 60, 2);
            }
        }
        return t.getYear() <= 0 ? sb.append(" BC").toString() : sb.toString();
    }

    /** Java's proleptic year 0 is 1 BC, -1 is 2 BC, ... */
    private static void date(StringBuilder sb, int year, int month, int day) {
        pad(sb, year <= 0 ? 1 - year : year, 4).append('-');
        pad(sb, month, 2).append('-');
        pad(sb, day, 2);
    }

    /** {@code 12:30:05}, then the fraction without trailing zeros (the server rounds to microseconds). */
    private static void time(StringBuilder sb, LocalTime t) {
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos != 0) {
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            pad(sb.append('.'), nanos, digits);
        }
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    /** An array literal with every element quoted: {@code {"1","a \"b\"",NULL}}; nested lists nest. */
    static String arrayLiteral(List<?> list, Object what) {
        var sb = new StringBuilder(list.size() * 8 + 2).append('{');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object e = list.get(i);
            if (e == null) {
                sb.append("NULL");
            } else if (e instanceof List<?> inner) {
                sb.append(arrayLiteral(inner, what));
            } else {
                String text = elementText(e, what);
                sb.append('"');
                for (int j = 0; j < text.length(); j++) {
                    char c = text.charAt(j);
                    if (c == '"' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                sb.append('"');
            }
        }
        return sb.append('}').toString();
    }

    private static String elementText(Object e, Object what) {
        return switch (e) {
            case String s -> s;
            case Boolean b -> b ? "t" : "f";
            case BigDecimal d -> d.toPlainString();
            case byte[] b -> {
                var sb = new StringBuilder(2 + 2 * b.length).append("\\x");
                for (byte x : b) {
                    sb.append((char) HEX[(x >> 4) & 0xf]).append((char) HEX[x & 0xf]);
                }
                yield sb.toString();
            }
            case Enum<?> en -> en.name();
            case Number n -> n.toString();
            case UUID u -> u.toString();
            case Character c -> c.toString();
            default -> {
                String temporal = temporal(e);
                if (temporal == null) {
                    throw new ProgrammingException("cannot COPY an array element of type " + e.getClass().getName()
                            + " (" + what + ")", DatabaseException.Detail.of(null), null);
                }
                yield temporal;
            }
        };
    }
}
