package dev.vellum.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.Url;
import dev.vellum.engine.Vellum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vellum demo}: the tutorial's exercises, step by step, on a SQLite file by default or on any URL.
 * Each exercise drops and recreates its own tables, so the demo can run any number of times.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the tutorial exercises: 1 (CRUD), 2 (users and posts) and 3 (transaction safety).")
final class DemoCommand implements Callable<Integer> {
    static final String DEFAULT_URL = "sqlite:///vellum-demo.db";

    @Option(names = "--url", paramLabel = "URL", defaultValue = DEFAULT_URL,
            description = "database to run on (default: ${DEFAULT-VALUE}), e.g. postgresql://postgres@127.0.0.1/test")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Url target = Url.parse(url);
        out.println("Vellum demo on " + target);
        try (Engine engine = Vellum.createEngine(target, EngineOptions.defaults())) {
            out.println();
            try (Connection conn = engine.connect()) {
                new CrudExercise(conn, out).run();
            }
            out.println();
            new ModelsExercise(engine, out).run();
            out.println();
            try (Connection conn = engine.connect()) {
                new TransferExercise(conn, out).run();
            }
        }
        return 0;
    }
}
