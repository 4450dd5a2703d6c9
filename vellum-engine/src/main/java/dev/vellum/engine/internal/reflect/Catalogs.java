package dev.vellum.engine.internal.reflect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Row;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.SqlTypes;

/** What the catalogs share: reading catalog values and the sizes in a type's spelling. */
final class Catalogs {
    private static final Pattern ARGS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    private Catalogs() {
    }

    /** The first column of every row of {@code sql}, as text: the names a catalog query lists. */
    static List<String> names(Connection conn, String sql) {
        return conn.execute(sql).all().stream().map(r -> text(r, 0)).toList();
    }

    /** Column {@code index} of {@code row} as text ({@code null} stays null). */
    static String text(Row row, int index) {
        Object v = row.get(index);
        return v == null ? null : v.toString();
    }

    /** A catalog flag read as a boolean, whatever the driver returns it as ({@code Boolean}, 0/1, t/f, YES/NO). */
    static boolean flag(Row row, int index) {
        Object v = row.get(index);
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> n.longValue() != 0;
            default -> {
                String s = v.toString().strip().toLowerCase(Locale.ROOT);
                yield s.equals("t") || s.equals("true") || s.equals("1") || s.equals("yes") || s.equals("y");
            }
        };
    }

    /** Column {@code index} of {@code row} as an int (0 when NULL). */
    static int integer(Row row, int index) {
        Object v = row.get(index);
        return v instanceof Number n ? n.intValue() : v == null ? 0 : Integer.parseInt(v.toString().strip());
    }

    /** A referential action from its SQL words ({@code SET NULL}); {@code NO ACTION} when unknown or absent. */
    static ReferentialAction action(String words) {
        if (words == null) {
            return ReferentialAction.NO_ACTION;
        }
        String w = words.strip().toUpperCase(Locale.ROOT);
        for (ReferentialAction a : ReferentialAction.values()) {
            if (a.sql().equals(w)) {
                return a;
            }
        }
        return ReferentialAction.NO_ACTION;
    }

    /** The numbers in the first parentheses of a type's spelling: {@code numeric(10,2)} → [10, 2]; none → []. */
    static int[] sizes(String typeName) {
        if (typeName == null) {
            return new int[0];
        }
        Matcher m = ARGS.matcher(typeName);
        if (!m.find()) {
            return new int[0];
        }
        return m.group(2) == null ? new int[] {Integer.parseInt(m.group(1))}
                : new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** {@code varchar(n)}, or {@code TEXT} when there is no usable length. */
    static SqlType<?> varchar(int length) {
        return length > 0 ? SqlTypes.varchar(length) : SqlTypes.TEXT;
    }

    /** {@code numeric(p, s)}, or an unbounded {@code NUMERIC} when there is no precision. */
    static SqlType<?> numeric(int precision, int scale) {
        if (precision <= 0) {
            return new SqlType.Scalar<>(SqlType.Kind.NUMERIC, BigDecimal.class, 0, 0, 0);
        }
        return SqlTypes.numeric(precision, Math.max(0, Math.min(scale, precision)));
    }

    /** {@code numeric} from the sizes of its spelling ({@code numeric(10,2)}, {@code DECIMAL(8)}, {@code NUMERIC}). */
    static SqlType<?> numeric(String typeName) {
        int[] sizes = sizes(typeName);
        return numeric(sizes.length > 0 ? sizes[0] : 0, sizes.length > 1 ? sizes[1] : 0);
    }

    /** Rows grouped by the text of column {@code key}, keeping first-seen order. */
    static List<List<Row>> groups(List<Row> rows, int key) {
        var groups = new ArrayList<List<Row>>();
        String current = null;
        for (Row row : rows) {
            String k = text(row, key);
            if (groups.isEmpty() || !k.equals(current)) {
                groups.add(new ArrayList<>());
                current = k;
            }
            groups.getLast().add(row);
        }
        return groups;
    }
}
