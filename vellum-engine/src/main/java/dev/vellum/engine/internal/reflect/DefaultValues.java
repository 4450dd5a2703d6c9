package dev.vellum.engine.internal.reflect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vellum.engine.Backend;
import dev.vellum.sql.Sql;
import dev.vellum.sql.SqlType;

/**
 * Turns a reflected default (SQL text, as the catalog gives it) back into what {@code Column.serverDefault} takes:
 * a Java value of the column's type for a plain literal ({@code 5}, {@code 'x'}, PostgreSQL's
 * {@code 'x'::character varying}, MariaDB's {@code 'it''s'} with backslash escapes, {@code true}), or
 * {@code Sql.currentTimestamp()} for {@code CURRENT_TIMESTAMP} and its spellings on a timestamp column. Anything
 * else (functions, sequences, arithmetic) gives {@code null}: the default stays in the reflected column's text
 * but the built {@code Table} has none. Stateless, thread-safe.
 */
final class DefaultValues {
    private static final Pattern CASTS = Pattern.compile(
            "(?:::\\s*\"?[A-Za-z_][\\w ]*\"?(?:\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?(?:\\[\\])?\\s*)+");
    private static final Pattern BARE_WITH_CASTS = Pattern.compile("^([^':]+?)\\s*(" + CASTS.pattern() + ")$");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOW = Pattern.compile(
            "current_timestamp(\\(\\s*\\d*\\s*\\))?|now\\(\\s*\\)|localtimestamp(\\(\\s*\\d*\\s*\\))?");

    private DefaultValues() {
    }

    /** The default as a value of {@code type}'s Java type or an expression, or {@code null} when not expressible. */
    static Object parse(String sql, SqlType<?> type, Backend backend) {
        if (sql == null || !(type instanceof SqlType.Scalar<?> scalar)) {
            return null;
        }
        String text = unwrap(sql.strip());
        if (text.isEmpty() || text.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (NOW.matcher(text.toLowerCase(Locale.ROOT)).matches()) {
            return scalar.kind() == SqlType.Kind.TIMESTAMP ? Sql.currentTimestamp() : null;
        }
        try {
            if (text.charAt(0) == '\'') {
                int end = closingQuote(text, backend);
                if (end < 0) {
                    return null;
                }
                String rest = text.substring(end + 1).strip();
                if (!rest.isEmpty() && !CASTS.matcher(rest).matches()) {
                    return null;
                }
                return value(unescape(text.substring(1, end), backend), true, scalar.kind());
            }
            Matcher cast = BARE_WITH_CASTS.matcher(text);
            String bare = cast.matches() ? unwrap(cast.group(1).strip()) : text;
            return value(bare, false, scalar.kind());
        } catch (RuntimeException e) {
            return null; // not a literal of this type (NumberFormatException, DateTimeParseException, ...)
        }
    }

    private static Object value(String literal, boolean quoted, SqlType.Kind kind) {
        boolean number = NUMBER.matcher(literal).matches();
        return switch (kind) {
            case SMALLINT -> new BigDecimal(literal).shortValueExact();
            case INTEGER -> new BigDecimal(literal).intValueExact();
            case BIGINT -> new BigDecimal(literal).longValueExact();
            case NUMERIC -> new BigDecimal(literal);
            case REAL -> number ? Float.valueOf(literal) : null;
            case DOUBLE -> number ? Double.valueOf(literal) : null;
            case VARCHAR, TEXT, JSON, JSONB -> quoted || number ? literal : null;
            case BOOLEAN -> bool(literal);
            case DATE -> quoted ? LocalDate.parse(literal) : null;
            case TIME -> quoted ? LocalTime.parse(literal) : null;
            case TIMESTAMP -> quoted ? LocalDateTime.parse(literal.strip().replace(' ', 'T')) : null;
            case UUID -> quoted ? UUID.fromString(literal) : null;
            case TIMESTAMP_TZ, BYTES -> null;
        };
    }

    private static Boolean bool(String literal) {
        return switch (literal.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes", "y", "on" -> Boolean.TRUE;
            case "false", "f", "0", "no", "n", "off" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** {@code text} without parentheses that enclose all of it: {@code (-1)} → {@code -1}. */
    private static String unwrap(String text) {
        String t = text;
        while (t.length() >= 2 && t.charAt(0) == '(' && t.charAt(t.length() - 1) == ')' && encloses(t)) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** True when the opening parenthesis of {@code t} closes at its last character (quotes ignored for brevity). */
    private static boolean encloses(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\'') {
                return false; // a string inside: leave it as it is
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0 && i < t.length() - 1) {
                return false;
            }
        }
        return depth == 0;
    }

    /** The index of the quote closing the string that opens at 0, or -1. */
    private static int closingQuote(String text, Backend backend) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && backend == Backend.MARIADB) {
                i++;
            } else if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The string's value: {@code ''} is a quote; on MariaDB, backslash escapes too. */
    private static String unescape(String body, Backend backend) {
        var sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                sb.append('\'');
                i++;
            } else if (c == '\\' && backend == Backend.MARIADB && i + 1 < body.length()) {
                char e = body.charAt(++i);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'b' -> '\b';
                    case 'Z' -> '\u001a';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
