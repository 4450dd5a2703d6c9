package dev.vellum.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process run of the {@code vellum} command: its exit code and what it printed on each stream. */
record CliRun(int exit, String out, String err) {
    /** Runs the command with an empty standard input. */
    static CliRun of(String... args) {
        return withInput("", args);
    }

    /** Runs the command with {@code input} as its standard input. */
    static CliRun withInput(String input, String... args) {
        InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        var out = new StringWriter();
        var err = new StringWriter();
        int exit;
        try (var outWriter = new PrintWriter(out); var errWriter = new PrintWriter(err)) {
            exit = Main.run(in, outWriter, errWriter, args);
        }
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Standard output, line by line. */
    List<String> outLines() {
        return out.lines().toList();
    }

    /** Standard error, line by line. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
