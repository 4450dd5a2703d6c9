package dev.vellum.examples;

import java.nio.file.Path;
import java.util.TimeZone;

import dev.vellum.engine.Backend;
import dev.vellum.engine.Vellum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs every example on a temporary SQLite file, and on {@code sqlite://} where it makes sense. */
class ExamplesTest {
    @TempDir
    Path dir;

    private String fileUrl() {
        return "sqlite:///" + dir.toAbsolutePath().resolve("examples.db");
    }

    @ParameterizedTest
    @EnumSource(ExampleCase.class)
    void runsTwiceOnASqliteFile(ExampleCase example) {
        example.verify(fileUrl(), Backend.SQLITE);
    }

    @ParameterizedTest
    @EnumSource(ExampleCase.class)
    void runsInMemory(ExampleCase example) {
        if (example.runsInMemory()) {
            example.verify("sqlite://", Backend.SQLITE);
        } else {
            assertThatThrownBy(() -> example.verify("sqlite://", Backend.SQLITE))
                    .hasMessageContaining(example.memoryFailure());
        }
    }

    @Test
    void readOnlyRefusesTheDeleteAndLaterWritesCommit() {
        ExampleCase.READ_ONLY.verify(fileUrl(), Backend.SQLITE);
        try (var conn = Vellum.connect(fileUrl())) {
            assertThat(conn.execute("SELECT COUNT(*) FROM reports").scalar()).isEqualTo(3L);
        }
    }

    @Test
    void timeZoneRulesHoldWhateverTheJvmZone() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));   // UTC+14
            ExampleCase.TIME_ZONES.verify(fileUrl(), Backend.SQLITE);
        } finally {
            TimeZone.setDefault(saved);
        }
    }
}
