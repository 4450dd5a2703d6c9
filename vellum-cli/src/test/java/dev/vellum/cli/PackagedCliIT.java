package dev.vellum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;

import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;

/**
 * The packaged CLI ({@code target/vellum-cli.jar} and {@code target/lib}) run as a real process on every database,
 * as {@code ./vellum sql} runs it.
 */
class PackagedCliIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    Path tmp;

    @DatabaseTest
    void queryPrintsTheAnswer(TestDatabase db) throws Exception {
        Process result = vellum("sql", db.url().render(false), "SELECT 40 + 2 AS answer");

        assertThat(stderr()).isEmpty();
        assertThat(result.exitValue()).isZero();
        assertThat(stdout()).containsExactly(" answer", "--------", "     42", "(1 row)");
    }

    @DatabaseTest
    void failingStatementExitsOneWithOneLine(TestDatabase db) throws Exception {
        Process result = vellum("sql", db.url().render(false), "SELEC 1");

        assertThat(result.exitValue()).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        List<String> err = stderr();
        assertThat(err).hasSize(1);
        assertThat(err.getFirst()).startsWith("error: ProgrammingException: ");
    }

    /** Runs {@code java -cp vellum-cli.jar:lib/* dev.vellum.cli.Main args} and waits for it (at most a minute). */
    private Process vellum(String... args) throws IOException, InterruptedException {
        assertThat(TARGET.resolve("vellum-cli.jar")).as("the packaged CLI (built in the package phase)").exists();
        String classPath = TARGET.resolve("vellum-cli.jar") + File.pathSeparator + TARGET.resolve("lib").resolve("*");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath, "dev.vellum.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("vellum " + String.join(" ", args) + " did not finish within 60 s");
        }
        return process;
    }

    private List<String> stdout() throws IOException {
        return Files.readAllLines(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
    }

    private List<String> stderr() throws IOException {
        return Files.readAllLines(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
    }
}
