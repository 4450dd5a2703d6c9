package dev.vellum.engine.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import dev.vellum.error.DataException;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.InvalidResultException;
import dev.vellum.sql.SqlType;

/**
 * Parses rows of PostgreSQL's COPY text format (what {@code COPY ... TO STDOUT} sends, one row per message) into
 * the normalised values {@link dev.vellum.engine.Row} documents, each field by the SQL type of its column: COPY
 * sends no column types, so the types come from the Core columns or selected expressions. Field text is read as
 * the server writes it with pgjdbc's session settings ({@code DateStyle=ISO}, UTF-8): {@code t}/{@code f},
 * ISO dates with {@code BC} and {@code infinity}, {@code timestamptz} in the session's zone (returned in UTC, as
 * the engine reads it elsewhere), {@code bytea} in hex (or the old escape format), arrays as {@code {...}}
 * literals. Thread-safe once built.
 */
final class CopyDecoder {
    /** Turns one unescaped, non-NULL field into its value. */
    @FunctionalInterface
    interface Field {
        Object parse(String text);
    }

    private final Field[] fields;
    private final String sql;

    CopyDecoder(List<? extends SqlType<?>> types, String sql) {
        this.fields = new Field[types.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = field(types.get(i));
        }
        this.sql = sql;
    }

    int width() {
        return fields.length;
    }

    /** One row: fields split at tabs, {@code \N} as null, escapes undone, each parsed by its column's type. */
    Object[] row(byte[] data, List<String> names) {
        var out = new Object[fields.length];
        int end = data.length > 0 && data[data.length - 1] == '\n' ? data.length - 1 : data.length;
        int pos = 0;
        for (int i = 0; i < fields.length; i++) {
            if (pos > end) {
                throw malformed("it has " + i + " fields, not " + fields.length);
            }
            int start = pos;
            boolean escaped = false;
            while (pos < end && data[pos] != '\t') {
                if (data[pos] == '\\') {
                    escaped = true;
                    pos++;
                }
                pos++;
            }
            int stop = Math.min(pos, end);
            pos = stop + 1;
            if (stop - start == 2 && data[start] == '\\' && data[start + 1] == 'N') {
                continue; // NULL
            }
            String text = escaped ? unescape(data, start, stop)
                    : new String(data, start, stop - start, StandardCharsets.UTF_8);
            try {
                out[i] = fields[i].parse(text);
            } catch (RuntimeException e) {
                if (e instanceof DatabaseException) {
                    throw e;
                }
                throw new DataException("cannot read COPY field '" + names.get(i) + "' from '" + cut(text) + "': "
                        + e.getMessage(), DatabaseException.Detail.of(sql), e);
            }
        }
        if (pos <= end) {
            throw malformed("it has more than " + fields.length + " fields");
        }
        return out;
    }

    private InvalidResultException malformed(String why) {
        return new InvalidResultException("a COPY row does not match its columns: " + why + " [SQL: " + sql + "]");
    }

    private static String cut(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** Undoes the text format's backslash escapes: the named ones, octal {@code \123} and hex {@code \x7f}. */
    static String unescape(byte[] data, int start, int stop) {
        var out = new byte[stop - start];
        int n = 0;
        for (int i = start; i < stop; i++) {
            byte b = data[i];
            if (b != '\\' || i + 1 >= stop) {
                out[n++] = b;
                continue;
            }
            byte c = data[++i];
            switch (c) {
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 't' -> out[n++] = '\t';
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 'v' -> out[n++] = 0x0b;
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < stop && Character.digit(data[i + 1], 16) >= 0) {
                        v = v * 16 + Character.digit(data[++i], 16);
                        digits++;
                    }
                    out[n++] = digits == 0 ? (byte) 'x' : (byte) v;
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        int v = c - '0';
                        for (int d = 0; d < 2 && i + 1 < stop && data[i + 1] >= '0' && data[i + 1] <= '7'; d++) {
                            v = v * 8 + data[++i] - '0';
                        }
                        out[n++] = (byte) v;
                    } else {
                        out[n++] = c; // \\ and any other character stand for themselves
                    }
                }
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    // --- fields by type

    private static Field field(SqlType<?> type) {
        SqlType<?> stored = type.storage();
        return switch (stored) {
            case SqlType.Scalar<?> s -> scalar(s.kind());
            case SqlType.EnumType<?> e -> text -> text;
            case SqlType.ArrayType<?> a -> {
                Field element = field(a.element());
                yield text -> new ArrayParser(text, element).parse();
            }
            case SqlType.Converted<?, ?> c -> field(c.base());
        };
    }

    private static Field scalar(SqlType.Kind kind) {
        return switch (kind) {
            case SMALLINT, INTEGER, BIGINT -> Long::parseLong;
            case NUMERIC -> CopyDecoder::numeric;
            case REAL, DOUBLE -> Double::parseDouble;
            case VARCHAR, TEXT, JSON, JSONB -> text -> text;
            case BOOLEAN -> CopyDecoder::bool;
            case DATE -> CopyDecoder::date;
            case TIME -> CopyDecoder::time;
            case TIMESTAMP -> CopyDecoder::timestamp;
            case TIMESTAMP_TZ -> CopyDecoder::timestampTz;
            case UUID -> UUID::fromString;
            case BYTES -> CopyDecoder::bytea;
        };
    }

    private static Object numeric(String text) {
        if (text.equals("NaN") || text.endsWith("Infinity")) {
            throw new NumberFormatException("BigDecimal has no " + text);
        }
        return new BigDecimal(text);
    }

    private static Object bool(String text) {
        return switch (text) {
            case "t" -> Boolean.TRUE;
            case "f" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    /** {@code 2024-05-01}, {@code 0044-03-15 BC}, {@code infinity}. */
    static LocalDate date(String text) {
        return switch (text) {
            case "infinity" -> LocalDate.MAX;
            case "-infinity" -> LocalDate.MIN;
            default -> {
                boolean bc = text.endsWith(" BC");
                yield parseDate(bc ? text.substring(0, text.length() - 3) : text, bc);
            }
        };
    }

    private static LocalDate parseDate(String s, boolean bc) {
        int dash2 = s.lastIndexOf('-');
        int dash1 = s.lastIndexOf('-', dash2 - 1);
        if (dash1 <= 0) {
            throw new DateTimeException("not a date");
        }
        int year = Integer.parseInt(s, 0, dash1, 10);
        return LocalDate.of(bc ? 1 - year : year, Integer.parseInt(s, dash1 + 1, dash2, 10),
                Integer.parseInt(s, dash2 + 1, s.length(), 10));
    }

    /** {@code 12:30:05} or {@code 12:30:05.123456}; {@code 24:00:00} as {@link LocalTime#MAX}, as pgjdbc reads it. */
    static LocalTime time(String s) {
        if (s.startsWith("24:00:00")) {
            return LocalTime.MAX;
        }
        if (s.length() < 8 || s.charAt(2) != ':' || s.charAt(5) != ':') {
            throw new DateTimeException("not a time");
        }
        int nanos = 0;
        if (s.length() > 8) {
            if (s.charAt(8) != '.' || s.length() > 18) {
                throw new DateTimeException("not a time");
            }
            nanos = Integer.parseInt(s, 9, s.length(), 10);
            for (int i = s.length() - 9; i < 9; i++) {
                nanos *= 10;
            }
        }
        return LocalTime.of(Integer.parseInt(s, 0, 2, 10), Integer.parseInt(s, 3, 5, 10),
                Integer.parseInt(s, 6, 8, 10), nanos);
    }

    /** {@code 2024-05-01 12:30:05.123456}, with {@code BC} and {@code infinity}. */
    static LocalDateTime timestamp(String text) {
        return switch (text) {
            case "infinity" -> LocalDateTime.MAX;
            case "-infinity" -> LocalDateTime.MIN;
            default -> {
                boolean bc = text.endsWith(" BC");
                String s = bc ? text.substring(0, text.length() - 3) : text;
                int space = s.indexOf(' ');
                if (space < 0) {
                    throw new DateTimeException("not a timestamp");
                }
                yield LocalDateTime.of(parseDate(s.substring(0, space), bc), time(s.substring(space + 1)));
            }
        };
    }

    /** {@code 2024-05-01 12:30:05.123456+02}, offsets to the second, in UTC. */
    static OffsetDateTime timestampTz(String text) {
        return switch (text) {
            case "infinity" -> OffsetDateTime.MAX;
            case "-infinity" -> OffsetDateTime.MIN;
            default -> {
                boolean bc = text.endsWith(" BC");
                String s = bc ? text.substring(0, text.length() - 3) : text;
                int space = s.indexOf(' ');
                int sign = Math.max(s.indexOf('+', space), s.indexOf('-', space));
                if (space < 0 || sign < 0) {
                    throw new DateTimeException("not a timestamp with time zone");
                }
                String[] parts = s.substring(sign + 1).split(":");
                int secs = Integer.parseInt(parts[0]) * 3600 + (parts.length > 1 ? Integer.parseInt(parts[1]) * 60 : 0)
                        + (parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
                var offset = ZoneOffset.ofTotalSeconds(s.charAt(sign) == '-' ? -secs : secs);
                var local = LocalDateTime.of(parseDate(s.substring(0, space), bc), time(s.substring(space + 1, sign)));
                yield OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC);
            }
        };
    }

    /** Hex {@code \x0a1b}, or the escape format of {@code bytea_output = escape}. */
    static byte[] bytea(String text) {
        if (text.startsWith("\\x")) {
            return HexFormat.of().parseHex(text, 2, text.length());
        }
        var out = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                out[n++] = '\\';
                i++;
            } else if (c == '\\' && i + 3 < text.length()) {
                out[n++] = (byte) Integer.parseInt(text, i + 1, i + 4, 8);
                i += 3;
            } else {
                out[n++] = (byte) c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * An array literal: {@code {1,2,NULL}}, {@code {"a b","c\"d"}}, nested {@code {{1,2},{3,4}}} as nested lists.
     * An optional dimension prefix ({@code [0:1]=}) is skipped.
     */
    private static final class ArrayParser {
        private final String s;
        private final Field element;
        private int pos;

        ArrayParser(String s, Field element) {
            this.s = s;
            this.element = element;
            int eq = s.startsWith("[") ? s.indexOf('=') : -1;
            this.pos = eq + 1;
        }

        List<Object> parse() {
            List<Object> out = list();
            if (pos != s.length()) {
                throw new IllegalArgumentException("text after the array");
            }
            return out;
        }

        private List<Object> list() {
            expect('{');
            var out = new ArrayList<Object>();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableList(out);
            }
            while (true) {
                char c = peek();
                if (c == '{') {
                    out.add(list());
                } else if (c == '"') {
                    out.add(element.parse(quoted()));
                } else {
                    int start = pos;
                    while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != '}') {
                        pos++;
                    }
                    String bare = s.substring(start, pos).strip();
                    out.add(bare.equalsIgnoreCase("NULL") ? null : element.parse(bare));
                }
                char next = peek();
                pos++;
                if (next == '}') {
                    return Collections.unmodifiableList(out);
                }
                if (next != ',') {
                    throw new IllegalArgumentException("expected , or } at " + (pos - 1));
                }
            }
        }

        private String quoted() {
            expect('"');
            var sb = new StringBuilder();
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    c = peek();
                    pos++;
                }
                sb.append(c);
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw new IllegalArgumentException("the array literal ends early");
            }
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + pos);
            }
            pos++;
        }
    }
}
