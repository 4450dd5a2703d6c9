package dev.vellum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.vellum.error.InterfaceException;

/** The command line without a database: usage, and the one-line description of errors. */
class MainTest {
    @Test
    void noCommandPrintsUsageOnTheGivenStream() {
        CliRun run = CliRun.of();

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: vellum").contains("demo").contains("sql").contains("inspect");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void missingUrlIsAUsageError() {
        CliRun run = CliRun.of("sql");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Missing required parameter: 'URL'");
    }

    @Test
    void describeNamesTheVellumExceptionBySimpleName() {
        assertThat(Main.describe(new InterfaceException("bad URL"))).isEqualTo("InterfaceException: bad URL");
        assertThat(Main.describe(new IllegalStateException("boom"))).isEqualTo("java.lang.IllegalStateException: boom");
    }
}
