package dev.vellum.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import dev.vellum.engine.Result;
import dev.vellum.engine.Row;

/**
 * Prints a result as an aligned text table, as psql does, with a row count below: numbers (and NULL in a column
 * of numbers) right-aligned, everything else left-aligned, line breaks and tabs in values escaped so every row
 * stays on one line.
 */
final class Table {
    private Table() {
    }

    /** Prints {@code result} and closes it. */
    static void print(Result result, PrintWriter out) {
        try (result) {
            printRows(result, out);
        }
    }

    private static void printRows(Result result, PrintWriter out) {
        if (!result.returnsRows()) {
            out.println(result.rowCount() < 0 ? "OK" : result.rowCount() + (result.rowCount() == 1 ? " row" : " rows")
                    + " affected");
            return;
        }
        List<String> header = result.columns();
        List<String[]> cells = new ArrayList<>();
        int[] width = header.stream().mapToInt(String::length).toArray();
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, true);
        for (Row row : result) {
            var line = new String[row.size()];
            for (int i = 0; i < line.length; i++) {
                Object v = row.get(i);
                line[i] = text(v);
                width[i] = Math.max(width[i], line[i].length());
                numeric[i] &= v == null || v instanceof Number;
            }
            cells.add(line);
        }
        out.println(format(header.toArray(String[]::new), width, new boolean[width.length]));
        var rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "+").append("-".repeat(width[i] + 2));
        }
        out.println(rule);
        for (String[] line : cells) {
            out.println(format(line, width, numeric));
        }
        out.println("(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
    }

    private static String format(String[] line, int[] width, boolean[] right) {
        var sb = new StringBuilder();
        for (int i = 0; i < line.length; i++) {
            String pad = " ".repeat(width[i] - line[i].length());
            sb.append(i == 0 ? " " : " | ").append(right[i] ? pad + line[i] : line[i] + pad);
        }
        return sb.toString().stripTrailing();
    }

    private static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        }
        String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
