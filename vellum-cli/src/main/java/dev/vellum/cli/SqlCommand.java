package dev.vellum.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Vellum;
import dev.vellum.error.VellumException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vellum sql URL ["SQL"]}: runs one statement and prints its rows as a table, or with no statement reads
 * statements from standard input (a prompt when interactive), each ended by {@code ;} or an empty line. Runs in
 * autocommit mode, so changes persist.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a SQL statement against URL and print the result; with no statement, a prompt.")
final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "e.g. sqlite:///app.db, postgresql://user@host/db")
    String url;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SQL", description = "the statement to run")
    String sql;

    @Spec
    CommandSpec spec;

    /** Where statements are read from when none is given; {@link Main#run} replaces it in tests. */
    InputStream input = System.in;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Connection conn = Vellum.connect(url)) {
            conn.setAutocommit(true);
            if (sql != null) {
                Table.print(conn.execute(sql), out);
                return 0;
            }
            return prompt(conn, out, spec.commandLine().getErr());
        }
    }

    private int prompt(Connection conn, PrintWriter out, PrintWriter err) throws IOException {
        boolean interactive = input == System.in && isTerminal(System.console());
        var in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        var statement = new StringBuilder();
        int failures = 0;
        if (interactive) {
            out.println("Connected to " + conn.url() + ". End a statement with ; (or an empty line); \\q quits.");
        }
        while (true) {
            if (interactive) {
                out.print(statement.isEmpty() ? "vellum> " : "   ...> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null || statement.isEmpty() && line.strip().equals("\\q")) {
                failures += runOne(conn, statement.toString(), out, err);
                return failures == 0 ? 0 : 1;
            }
            statement.append(line).append('\n');
            if (line.isBlank() || line.stripTrailing().endsWith(";")) {
                failures += runOne(conn, statement.toString(), out, err);
                statement.setLength(0);
            }
        }
    }

    /**
     * True when the console is a terminal. Since JDK 22 {@link System#console()} may return a console for redirected
     * streams too, and only {@code Console.isTerminal()} (absent from the JDK 21 API) tells them apart.
     */
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 21: a console exists only for a terminal
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }

    private static int runOne(Connection conn, String statement, PrintWriter out, PrintWriter err) {
        String text = statement.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            return 0;
        }
        try {
            Table.print(conn.execute(text), out);
            return 0;
        } catch (VellumException e) {
            err.println("error: " + Main.describe(e));
            return 1;
        }
    }
}
