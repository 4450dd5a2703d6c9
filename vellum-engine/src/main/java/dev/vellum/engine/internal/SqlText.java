package dev.vellum.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.vellum.error.DatabaseException;
import dev.vellum.error.ProgrammingException;

/**
 * The placeholders of one SQL text, found by a small lexer that skips string literals, quoted identifiers,
 * comments, PostgreSQL dollar quotes and {@code ::} casts. Named placeholders ({@code :name}) are rewritten to
 * {@code ?} for JDBC, remembering their order; positional ones ({@code ?}) are counted so a wrong number of binds
 * is reported before anything is sent.
 *
 * <p>Parsed texts are cached (bounded), so a statement run many times is lexed once. Immutable, thread-safe.
 *
 * @param jdbcSql    the text with every {@code :name} replaced by {@code ?}
 * @param positional the number of {@code ?} placeholders in the original text
 * @param names      the {@code :name} placeholders in order of appearance (repeats included)
 * @param multiple   true when SQL follows a top-level {@code ;}: several statements in one text
 * @param tuple      where the row tuple of a single-row {@code INSERT ... VALUES (...)} stands in {@code jdbcSql},
 *                   when every placeholder is inside it and nothing follows it; {@code null} otherwise
 */
public record SqlText(String jdbcSql, int positional, List<String> names, boolean multiple, Tuple tuple) {
    /**
     * The {@code (...)} after {@code VALUES} in {@code jdbcSql}: from {@code start} (the parenthesis) to
     * {@code end} (just after its match).
     */
    public record Tuple(int start, int end) {
    }

    private static final Pattern COMPOUND_DDL = Pattern.compile(
            "(?is)^\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?(DEFINER\\s*=\\s*\\S+\\s+)?(TEMP\\s+|TEMPORARY\\s+)?"
            + "(TRIGGER|PROCEDURE|FUNCTION|EVENT)\\b");

    private static final int CACHE_LIMIT = 2_048;
    private static final Map<String, SqlText> STANDARD = new ConcurrentHashMap<>();
    private static final Map<String, SqlText> BACKSLASH = new ConcurrentHashMap<>();

    /**
     * The parsed form of {@code sql}, from the cache when seen before.
     *
     * @param backslashEscapes true when a backslash escapes a quote inside {@code '...'} (MariaDB's default);
     *                         PostgreSQL and SQLite honour it only in {@code E'...'}
     */
    public static SqlText of(String sql, boolean backslashEscapes) {
        var cache = backslashEscapes ? BACKSLASH : STANDARD;
        SqlText parsed = cache.get(sql);
        if (parsed == null) {
            parsed = parse(sql, backslashEscapes);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(sql, parsed);
        }
        return parsed;
    }

    /**
     * Refuses a text of several statements: drivers disagree on it (sqlite-jdbc silently runs only the first, the
     * MariaDB driver refuses, pgjdbc runs all), and one statement per call keeps an injected {@code ;} harmless.
     * Trigger, function and procedure definitions, whose bodies hold semicolons, pass.
     */
    public void requireSingle(String sql) {
        if (multiple && !COMPOUND_DDL.matcher(sql).find()) {
            throw error("one statement at a time: this text holds several separated by ';'; "
                    + "run each with its own execute call", sql);
        }
    }

    /** True when {@link #multiRow(int)} can turn this insert into a multi-row one. */
    public boolean isMultiRowInsert() {
        return tuple != null;
    }

    /** The number of placeholders per row. */
    public int bindsPerRow() {
        return names.isEmpty() ? positional : names.size();
    }

    /** This single-row insert with its row tuple repeated {@code rows} times: {@code VALUES (?, ?), (?, ?), ...}. */
    public String multiRow(int rows) {
        String row = jdbcSql.substring(tuple.start(), tuple.end());
        var sb = new StringBuilder(tuple.start() + rows * (row.length() + 2));
        sb.append(jdbcSql, 0, tuple.end());
        for (int r = 1; r < rows; r++) {
            sb.append(", ").append(row);
        }
        return sb.toString();
    }

    /** The bind values for JDBC, in placeholder order, from positional parameters. */
    public Object[] positionalBinds(String sql, Object[] params) {
        if (!names.isEmpty()) {
            throw error("the statement uses :name placeholders (" + String.join(", ", names)
                    + "); pass a Map of values", sql);
        }
        int given = params == null ? 0 : params.length;
        if (given != positional) {
            throw error("the statement has " + positional + " ? placeholder(s) but " + given
                    + " value(s) were given", sql);
        }
        return params == null ? new Object[0] : params;
    }

    /** The bind values for JDBC, in placeholder order, from named parameters. */
    public Object[] namedBinds(String sql, Map<String, ?> params) {
        if (positional > 0) {
            throw error("the statement uses ? placeholders; pass the values in order, not as a Map", sql);
        }
        var missing = new ArrayList<String>();
        var values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
            String name = names.get(i);
            if (params.containsKey(name)) {
                values[i] = params.get(name);
            } else if (!missing.contains(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw error("no value for bind :" + String.join(", :", missing), sql);
        }
        if (params.size() > distinctNames()) {
            var extra = new ArrayList<String>();
            for (String key : params.keySet()) {
                if (!names.contains(key)) {
                    extra.add(key);
                }
            }
            throw error("value(s) given for no placeholder: :" + String.join(", :", extra)
                    + (names.isEmpty() ? " (the statement has no :name placeholders)"
                    : " (the statement uses :" + String.join(", :", names.stream().distinct().toList()) + ")"), sql);
        }
        return values;
    }

    private int distinctNames() {
        return (int) names.stream().distinct().count();
    }

    private static ProgrammingException error(String message, String sql) {
        return new ProgrammingException(message, DatabaseException.Detail.of(sql), null);
    }

    // --- lexer

    static SqlText parse(String sql, boolean backslashEscapes) {
        var out = new StringBuilder(sql.length());
        var names = new ArrayList<String>();
        int positional = 0;
        boolean ended = false;
        boolean multiple = false;
        int depth = 0;
        boolean afterValues = false;
        int tupleStart = -1;
        int tupleEnd = -1;
        int inTuple = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end = switch (c) {
                case '\'', '"', '`' -> skipQuoted(sql, i, c, c == '\'' && (backslashEscapes || isEscapePrefix(sql, i)));
                case '-' -> i + 1 < n && sql.charAt(i + 1) == '-' ? lineEnd(sql, i) : i + 1;
                case '/' -> i + 1 < n && sql.charAt(i + 1) == '*' ? commentEnd(sql, i) : i + 1;
                case '$' -> i == 0 || !isNamePart(sql.charAt(i - 1)) ? dollarQuoteEnd(sql, i) : -1;
                default -> -1;
            };
            if (end >= 0) {
                boolean comment = c == '-' || c == '/';
                multiple |= ended && !comment;
                out.append(sql, i, end);
                i = end;
                continue;
            }
            if (c == ';') {
                ended = true;
            } else if (!Character.isWhitespace(c)) {
                multiple |= ended;
            }
            if (c == '?') {
                positional++;
                inTuple += tupleStart >= 0 && tupleEnd < 0 ? 1 : 0;
                out.append(c);
                i++;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && isNameStart(sql.charAt(i + 1))
                    && (i == 0 || !isNamePart(sql.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && isNamePart(sql.charAt(j))) {
                    j++;
                }
                names.add(sql.substring(i + 1, j));
                inTuple += tupleStart >= 0 && tupleEnd < 0 ? 1 : 0;
                out.append('?');
                i = j;
            } else if (isNameStart(c) && (i == 0 || !isNamePart(sql.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && isNamePart(sql.charAt(j))) {
                    j++;
                }
                // the word just before the row tuple must be VALUES; any other word in between resets it
                afterValues = depth == 0 && j - i == 6 && sql.regionMatches(true, i, "VALUES", 0, 6);
                out.append(sql, i, j);
                i = j;
            } else if (c == '(') {
                if (depth == 0 && afterValues && tupleStart < 0) {
                    tupleStart = out.length();
                }
                depth++;
                out.append(c);
                i++;
            } else if (c == ')') {
                depth--;
                out.append(c);
                i++;
                if (depth == 0 && tupleStart >= 0 && tupleEnd < 0) {
                    tupleEnd = out.length();
                }
            } else {
                out.append(c);
                i++;
            }
        }
        String jdbcSql = names.isEmpty() ? sql : out.toString();
        int placeholders = names.isEmpty() ? positional : names.size();
        boolean single = tupleEnd > 0 && placeholders > 0 && inTuple == placeholders
                && jdbcSql.substring(tupleEnd).strip().replace(";", "").isEmpty()
                && jdbcSql.stripLeading().regionMatches(true, 0, "INSERT", 0, 6);
        return new SqlText(jdbcSql, positional, List.copyOf(names), multiple,
                single ? new Tuple(tupleStart, tupleEnd) : null);
    }

    private static boolean isEscapePrefix(String sql, int quoteAt) {
        return quoteAt > 0 && (sql.charAt(quoteAt - 1) == 'E' || sql.charAt(quoteAt - 1) == 'e')
                && (quoteAt == 1 || !isNamePart(sql.charAt(quoteAt - 2)));
    }

    private static int skipQuoted(String sql, int start, char quote, boolean backslash) {
        int n = sql.length();
        int i = start + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\\' && backslash) {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private static int lineEnd(String sql, int start) {
        int nl = sql.indexOf('\n', start);
        return nl < 0 ? sql.length() : nl;
    }

    private static int commentEnd(String sql, int start) {
        int close = sql.indexOf("*/", start + 2);
        return close < 0 ? sql.length() : close + 2;
    }

    private static int dollarQuoteEnd(String sql, int start) {
        int j = start + 1;
        while (j < sql.length() && isNamePart(sql.charAt(j)) && !Character.isDigit(sql.charAt(start + 1))) {
            j++;
        }
        if (j >= sql.length() || sql.charAt(j) != '$') {
            return -1;
        }
        String tag = sql.substring(start, j + 1);
        int close = sql.indexOf(tag, j + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
