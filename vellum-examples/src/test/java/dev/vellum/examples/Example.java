package dev.vellum.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An example's {@code run(url, out)} method. */
@FunctionalInterface
interface Example {
    void run(String url, PrintStream out);

    /** Runs the example on {@code url} and returns what it printed, line by line. */
    default List<String> output(String url) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            run(url, out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
