package dev.vellum.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vellum.error.DataException;
import dev.vellum.error.ProgrammingException;

class ValuesTest {
    @Test
    void numbersConvertWhenTheyFit() {
        assertThat(Values.convert(42L, Integer.class, "x")).isEqualTo(42);
        assertThat(Values.convert(42L, int.class, "x")).isEqualTo(42);
        assertThat(Values.convert(12.5, BigDecimal.class, "x")).isEqualByComparingTo("12.5");
        assertThat(Values.convert(new BigDecimal("7"), Long.class, "x")).isEqualTo(7L);
        assertThat(Values.convert(1L, Boolean.class, "x")).isTrue();
        assertThatThrownBy(() -> Values.convert(1L << 40, Integer.class, "column 'n'"))
                .isInstanceOf(DataException.class).hasMessageContaining("column 'n'").hasMessageContaining("Integer");
        assertThatThrownBy(() -> Values.convert(new BigDecimal("1.5"), Long.class, "x"))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Values.convert(2L, Boolean.class, "x")).isInstanceOf(DataException.class);
    }

    @Test
    void textConvertsToTimeUuidAndNumbers() {
        assertThat(Values.convert("2024-05-01", LocalDate.class, "x")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(Values.convert("12:30:05.123456", LocalTime.class, "x"))
                .isEqualTo(LocalTime.of(12, 30, 5, 123_456_000));
        assertThat(Values.convert("2024-05-01 12:30:05.5", LocalDateTime.class, "x"))
                .isEqualTo(LocalDateTime.of(2024, 5, 1, 12, 30, 5, 500_000_000));
        assertThat(Values.convert("2024-05-01 12:30:05", Instant.class, "x"))
                .isEqualTo(Instant.parse("2024-05-01T12:30:05Z"));
        var id = UUID.randomUUID();
        assertThat(Values.convert(id.toString(), UUID.class, "x")).isEqualTo(id);
        assertThat(Values.convert("19.99", BigDecimal.class, "x")).isEqualTo(new BigDecimal("19.99"));
        assertThatThrownBy(() -> Values.convert("soon", LocalDate.class, "column 'd'"))
                .isInstanceOf(DataException.class).hasMessageContaining("column 'd'").hasMessageContaining("LocalDate");
    }

    @Test
    void timestampsWithoutZoneAreUtcWhenAnInstantIsWanted() {
        var t = LocalDateTime.of(2024, 1, 2, 3, 4, 5);
        assertThat(Values.convert(t, Instant.class, "x")).isEqualTo(t.toInstant(ZoneOffset.UTC));
        var odt = OffsetDateTime.of(t, ZoneOffset.ofHours(2));
        assertThat(Values.convert(odt, LocalDateTime.class, "x")).isEqualTo(t.minusHours(2));
    }

    @Test
    void unrelatedTypesAreAClearError() {
        assertThatThrownBy(() -> Values.convert(LocalDate.of(2024, 1, 1), UUID.class, "column 'd'"))
                .isInstanceOf(DataException.class)
                .hasMessage("cannot convert column 'd' (LocalDate '2024-01-01') to UUID");
    }

    @Test
    void rowsPrintLikePythonTuples() {
        var cols = new Columns(List.of("id", "name", "note"));
        assertThat(new ArrayRow(cols, new Object[] {1L, "O'Brien", null})).hasToString("(1, 'O\\'Brien', null)");
        assertThat(new ArrayRow(new Columns(List.of("n")), new Object[] {5L})).hasToString("(5,)");
        assertThat(new ArrayRow(new Columns(List.of("b")), new Object[] {new byte[] {0, 15}}))
                .hasToString("(b'\\x00\\x0f',)");
    }

    @Test
    void rowLookupByIndexAndName() {
        var row = new ArrayRow(new Columns(List.of("id", "Name")), new Object[] {7L, "Ann"});
        assertThat(row.get(0)).isEqualTo(7L);
        assertThat(row.get("name")).isEqualTo("Ann");
        assertThat(row.get("id", Integer.class)).isEqualTo(7);
        assertThatThrownBy(() -> row.get("nope")).isInstanceOf(ProgrammingException.class)
                .hasMessageContaining("no column 'nope'").hasMessageContaining("[id, Name]");
        assertThatThrownBy(() -> row.get(2)).isInstanceOf(ProgrammingException.class)
                .hasMessageContaining("out of range");
    }

    record Person(Long id, String fullName) {
    }

    @Test
    void rowsMapToRecordsBySnakeOrCamelName() {
        var row = new ArrayRow(new Columns(List.of("id", "full_name")), new Object[] {3L, "Ada"});
        assertThat(row.as(Person.class)).isEqualTo(new Person(3L, "Ada"));
        var missing = new ArrayRow(new Columns(List.of("id")), new Object[] {3L});
        assertThatThrownBy(() -> missing.as(Person.class)).isInstanceOf(ProgrammingException.class)
                .hasMessageContaining("fullName");
    }
}
