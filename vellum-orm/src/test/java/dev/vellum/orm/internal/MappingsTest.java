package dev.vellum.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import dev.vellum.error.MappingException;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

/** Mapping problems found without a database (the metamodel processor refuses these at compile time too). */
class MappingsTest {
    @Embeddable
    static class Loop {
        String label;
        Loop next;
    }

    @Entity
    static class Looped {
        @Id
        Long id;
        @Embedded
        Loop loop;
    }

    @Test
    void anEmbeddableContainingItselfIsAProblemNotAStackOverflow() {
        var thrown = catchThrowableOfType(MappingException.class, () -> Mappings.resolve(List.of(Looped.class)));
        assertThat(thrown.problems()).containsExactly("Looped.loop.next: the @Embeddable Loop contains itself");
    }

    @Test
    void namesAreSnakeCase() {
        assertThat(MappingReader.snake("createdAt")).isEqualTo("created_at");
        assertThat(MappingReader.snake("User")).isEqualTo("user");
        assertThat(MappingReader.snake("HTTPLog")).isEqualTo("http_log");
        assertThat(MappingReader.snake("orderLine2")).isEqualTo("order_line2");
    }
}
