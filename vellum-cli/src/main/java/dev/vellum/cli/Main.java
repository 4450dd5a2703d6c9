package dev.vellum.cli;

import java.io.InputStream;
import java.io.PrintWriter;

import dev.vellum.error.VellumException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code vellum} command. Errors print one line (no stack trace) and exit 1; usage errors exit 2.
 *
 * @since 0.1
 */
@Command(name = "vellum", mixinStandardHelpOptions = true, version = "vellum 0.1",
        description = "Vellum: a data-access toolkit for Java.",
        subcommands = {DemoCommand.class, SqlCommand.class, InspectCommand.class})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with these streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with {@code in} as the standard input of {@code sql}. */
    static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        var cli = new CommandLine(new Main());
        cli.getSubcommands().get("sql").<SqlCommand>getCommand().input = in;
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parse) -> {
            line.getErr().println("error: " + describe(e));
            return 1;
        });
        return cli.execute(args);
    }

    /** One line for an exception: Vellum's message, or the type and message of anything else. */
    static String describe(Throwable e) {
        if (e instanceof VellumException) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
