package dev.vellum.e2e.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vellum.engine.ExecutionOptions;
import dev.vellum.engine.Url;
import dev.vellum.engine.Vellum;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.error.VellumException;

/** Bad arguments get a named error from Vellum's tree, never a bare NullPointerException. */
class NullInputsIT {
    @Test
    void nullsAreNamed() {
        assertThatThrownBy(() -> Vellum.connect((String) null)).isInstanceOf(InterfaceException.class);
        assertThatThrownBy(() -> Vellum.connect((Url) null)).isInstanceOf(InterfaceException.class)
                .hasMessage("the database URL must not be null");
        try (var conn = Vellum.connect("sqlite://")) {
            assertThatThrownBy(() -> conn.execute((String) null)).isInstanceOf(ProgrammingException.class)
                    .hasMessageContaining("SQL text is empty");
            assertThatThrownBy(() -> conn.execute("SELECT :a", (Map<String, ?>) null))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining("Map");
            assertThatThrownBy(() -> conn.execute((ExecutionOptions) null, "SELECT 1"))
                    .isInstanceOf(InterfaceException.class).hasMessageContaining("execution options");
            var row = conn.execute("SELECT 1 AS one").one();
            assertThatThrownBy(() -> row.get((String) null)).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("column name");
            assertThatThrownBy(() -> row.get(0, null)).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("type");
            assertThatThrownBy(() -> row.as(null)).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("record type");
            assertThat(conn.execute("SELECT ?", (Object) null).scalar()).isNull();
            assertThat(conn.executeMany("INSERT INTO nowhere VALUES (?)", null)).isZero();
        }
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> ExecutionOptions.stream(-1)).isInstanceOf(VellumException.class)
                .hasMessageContaining("fetch size");
        assertThatThrownBy(() -> ExecutionOptions.timeout(java.time.Duration.ZERO)).isInstanceOf(VellumException.class)
                .hasMessageContaining("positive");
    }
}
