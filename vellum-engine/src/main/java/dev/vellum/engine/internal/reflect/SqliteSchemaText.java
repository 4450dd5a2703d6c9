package dev.vellum.engine.internal.reflect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What SQLite's pragmas leave out of a table, read from its {@code CREATE TABLE} text in {@code sqlite_master}:
 * constraint names ({@code CONSTRAINT name PRIMARY KEY / UNIQUE / FOREIGN KEY}, at table or column level) and
 * {@code WITHOUT ROWID}; and the expression parts of a {@code CREATE INDEX}. A small tokenizer (identifiers in
 * {@code "..."}, {@code [...]} or backticks, strings, comments) rather than regular expressions, so names with
 * spaces, quotes or keywords in them are read right. Immutable, thread-safe.
 *
 * @param primaryKeyName the primary key's constraint name, or {@code null}
 * @param uniques        the unique constraints, in declaration order
 * @param foreignKeys    the foreign keys, in declaration order
 * @param withoutRowid   true for a {@code WITHOUT ROWID} table
 */
record SqliteSchemaText(String primaryKeyName, List<Named> uniques, List<Named> foreignKeys, boolean withoutRowid) {
    /**
     * A named (or unnamed) constraint on some columns.
     *
     * @param name    the name, or {@code null}
     * @param columns the constrained columns
     * @param target  the referenced table of a foreign key, else {@code null}
     */
    record Named(String name, List<String> columns, String target) {
    }

    private static final SqliteSchemaText NOTHING = new SqliteSchemaText(null, List.of(), List.of(), false);

    /** What {@code createTable} declares; nothing when it is {@code null} or cannot be read. */
    static SqliteSchemaText parse(String createTable) {
        if (createTable == null) {
            return NOTHING;
        }
        List<Token> tokens = Token.scan(createTable);
        int open = indexOf(tokens, "(", 0);
        if (open < 0) {
            return NOTHING;
        }
        int close = matching(tokens, open);
        String pk = null;
        var uniques = new ArrayList<Named>();
        var fks = new ArrayList<Named>();
        for (List<Token> element : split(tokens, open + 1, close)) {
            if (element.isEmpty()) {
                continue;
            }
            String first = element.getFirst().word();
            boolean tableConstraint = first.equals("CONSTRAINT") || first.equals("PRIMARY") || first.equals("UNIQUE")
                    || first.equals("CHECK") || first.equals("FOREIGN");
            String column = tableConstraint ? null : element.getFirst().value();
            String name = null;
            for (int i = tableConstraint ? 0 : 1; i < element.size(); i++) {
                String w = element.get(i).word();
                if (w.equals("CONSTRAINT") && i + 1 < element.size()) {
                    name = element.get(++i).value();
                    continue; // the name belongs to the constraint that the next word starts
                }
                if (w.equals("PRIMARY")) {
                    pk = name;
                    i = column == null ? skipParens(element, i) : i;
                } else if (w.equals("UNIQUE")) {
                    uniques.add(new Named(name, column != null ? List.of(column) : columns(element, i + 1), null));
                    i = column == null ? skipParens(element, i) : i;
                } else if (w.equals("FOREIGN") || w.equals("REFERENCES")) {
                    List<String> cols = column != null ? List.of(column) : columns(element, i + 1);
                    int ref = w.equals("REFERENCES") ? i : indexOf(element, "REFERENCES", i);
                    if (ref >= 0 && ref + 1 < element.size()) {
                        fks.add(new Named(name, cols, element.get(ref + 1).value()));
                        i = ref + 1;
                    }
                } else if (w.equals("CHECK") || w.equals("DEFAULT") || w.equals("AS")) {
                    i = skipParens(element, i); // an expression may hold words like UNIQUE in a string or name
                }
                name = null;
            }
        }
        boolean withoutRowid = false;
        for (int i = close + 1; i + 1 < tokens.size(); i++) {
            withoutRowid |= tokens.get(i).word().equals("WITHOUT") && tokens.get(i + 1).word().equals("ROWID");
        }
        return new SqliteSchemaText(pk, List.copyOf(uniques), List.copyOf(fks), withoutRowid);
    }

    /**
     * The parts of a {@code CREATE INDEX ... ON t (part, ...)} as written (without a trailing {@code ASC},
     * {@code DESC} or {@code COLLATE x}); empty when the text cannot be read.
     */
    static List<String> indexParts(String createIndex) {
        if (createIndex == null) {
            return List.of();
        }
        List<Token> tokens = Token.scan(createIndex);
        int on = indexOf(tokens, "ON", 0);
        int open = on < 0 ? -1 : indexOf(tokens, "(", on);
        if (open < 0) {
            return List.of();
        }
        var parts = new ArrayList<String>();
        for (List<Token> part : split(tokens, open + 1, matching(tokens, open))) {
            int end = part.size();
            if (end > 0 && (part.get(end - 1).word().equals("ASC") || part.get(end - 1).word().equals("DESC"))) {
                end--;
            }
            if (end > 1 && part.get(end - 2).word().equals("COLLATE")) {
                end -= 2;
            }
            parts.add(end == 0 ? "" : createIndex.substring(part.getFirst().start(), part.get(end - 1).end()));
        }
        return parts;
    }

    /** The column names in the parentheses that start at or after {@code from} (first token of each part). */
    private static List<String> columns(List<Token> tokens, int from) {
        int open = indexOf(tokens, "(", from);
        if (open < 0) {
            return List.of();
        }
        var names = new ArrayList<String>();
        for (List<Token> part : split(tokens, open + 1, matching(tokens, open))) {
            if (!part.isEmpty()) {
                names.add(part.getFirst().value());
            }
        }
        return names;
    }

    /** The index of the parenthesis closing the group that opens at or after {@code from}, or {@code from}. */
    private static int skipParens(List<Token> tokens, int from) {
        int open = -1;
        for (int i = from + 1; i < tokens.size() && i <= from + 2; i++) {
            if (tokens.get(i).text().equals("(")) {
                open = i;
                break;
            }
        }
        return open < 0 ? from : matching(tokens, open);
    }

    /** The top-level comma-separated parts between {@code from} (inclusive) and {@code to} (exclusive). */
    private static List<List<Token>> split(List<Token> tokens, int from, int to) {
        var parts = new ArrayList<List<Token>>();
        var current = new ArrayList<Token>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.text().equals("(")) {
                depth++;
            } else if (t.text().equals(")")) {
                depth--;
            } else if (t.text().equals(",") && depth == 0) {
                parts.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t);
        }
        parts.add(current);
        return parts;
    }

    /** The index of the parenthesis that closes the one at {@code open}, or the last token. */
    private static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String t = tokens.get(i).text();
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    /** The first token at or after {@code from} that is {@code text} (a keyword, compared as a word), or -1. */
    private static int indexOf(List<Token> tokens, String text, int from) {
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().equals(text) || !t.quoted() && t.word().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One token of SQL text.
     *
     * @param text   the text as written
     * @param value  an identifier's name without its quotes (else the text)
     * @param quoted true for a quoted identifier or a string
     * @param start  the offset of its first character
     * @param end    the offset after its last character
     */
    private record Token(String text, String value, boolean quoted, int start, int end) {
        /** The text in upper case when it is a bare word, so keywords compare; a quoted name is never a keyword. */
        String word() {
            return quoted ? "" : text.toUpperCase(Locale.ROOT);
        }

        static List<Token> scan(String sql) {
            var tokens = new ArrayList<Token>();
            int i = 0;
            int n = sql.length();
            while (i < n) {
                char c = sql.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    int eol = sql.indexOf('\n', i);
                    i = eol < 0 ? n : eol + 1;
                } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                    int close = sql.indexOf("*/", i + 2);
                    i = close < 0 ? n : close + 2;
                } else if (c == '"' || c == '`' || c == '\'' || c == '[') {
                    char closing = c == '[' ? ']' : c;
                    var value = new StringBuilder();
                    int j = i + 1;
                    while (j < n) {
                        char d = sql.charAt(j);
                        if (d == closing) {
                            if (closing != ']' && j + 1 < n && sql.charAt(j + 1) == closing) {
                                value.append(d);
                                j += 2;
                                continue;
                            }
                            break;
                        }
                        value.append(d);
                        j++;
                    }
                    int end = Math.min(j + 1, n);
                    tokens.add(new Token(sql.substring(i, end), value.toString(), true, i, end));
                    i = end;
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                    int j = i;
                    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                            || sql.charAt(j) == '$')) {
                        j++;
                    }
                    String word = sql.substring(i, j);
                    tokens.add(new Token(word, word, false, i, j));
                    i = j;
                } else {
                    tokens.add(new Token(String.valueOf(c), String.valueOf(c), false, i, i + 1));
                    i++;
                }
            }
            return tokens;
        }
    }
}
