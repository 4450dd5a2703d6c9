package dev.vellum.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vellum.error.DataException;
import dev.vellum.error.InvalidResultException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.SqlTypes;

/** COPY text format without a database: what the encoder writes, and that the decoder reads it back. */
class CopyTextTest {
    private static String encode(Object... values) {
        var enc = new CopyEncoder(4);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                enc.separator();
            }
            enc.value(values[i], "column " + i);
        }
        enc.endRow();
        return new String(enc.buffer(), 0, enc.size(), StandardCharsets.UTF_8);
    }

    private static Object[] decode(String row, SqlType<?>... types) {
        var names = Arrays.stream(types).map(t -> "c").toList();
        return new CopyDecoder(List.of(types), "COPY t TO STDOUT").row(row.getBytes(StandardCharsets.UTF_8), names);
    }

    @Test
    void textEscapesOnlyWhatCopyReads() {
        assertThat(encode("a\tb\nc\rd\\e", null, "\\N", "", "\u0001\u007f"))
                .isEqualTo("a\\tb\\nc\\rd\\\\e\t\\N\t\\\\N\t\t\u0001\u007f\n");
        assertThat(encode("żółć 日本 \uD83C\uDF89")).isEqualTo("żółć 日本 \uD83C\uDF89\n");
        assertThat(encode("lone \uD83C surrogate")).isEqualTo("lone ? surrogate\n");
        assertThatThrownBy(() -> encode("nul\u0000")).isInstanceOf(DataException.class).hasMessageContaining("NUL");
    }

    @Test
    void valuesAreWrittenInPostgresInputSyntax() {
        assertThat(encode(0L, -42, Long.MIN_VALUE, (short) 7, true, false))
                .isEqualTo("0\t-42\t-9223372036854775808\t7\tt\tf\n");
        assertThat(encode(new BigDecimal("1E+3"), new BigDecimal("-0.0010"), Double.NaN, -0.0, 1e-300))
                .isEqualTo("1000\t-0.0010\tNaN\t-0.0\t1.0E-300\n");
        assertThat(encode(new byte[] {0, '\\', (byte) 0xff}, new byte[0])).isEqualTo("\\\\x005cff\t\\\\x\n");
        assertThat(encode(LocalDate.of(2024, 2, 29), LocalDate.of(-43, 3, 15), LocalDate.MAX, LocalDate.MIN))
                .isEqualTo("2024-02-29\t0044-03-15 BC\tinfinity\t-infinity\n");
        assertThat(encode(LocalDateTime.of(2024, 5, 1, 12, 30), LocalDateTime.of(2024, 5, 1, 0, 0, 5, 120_000_000)))
                .isEqualTo("2024-05-01 12:30:00\t2024-05-01 00:00:05.12\n");
        assertThat(encode(OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 1_000, ZoneOffset.ofHoursMinutes(-3, -30))))
                .isEqualTo("2024-05-01 12:00:00.000001-03:30\n");
        assertThat(encode(LocalTime.of(23, 59, 59, 999_999_000))).isEqualTo("23:59:59.999999\n");
        assertThat(encode(new UUID(1, 2))).isEqualTo("00000000-0000-0001-0000-000000000002\n");
        assertThat(encode(List.of("a", "b\"c", "d\\e"), Arrays.asList(1L, null)))
                .isEqualTo("{\"a\",\"b\\\\\"c\",\"d\\\\\\\\e\"}\t{\"1\",NULL}\n");
        assertThatThrownBy(() -> encode(new Object())).isInstanceOf(ProgrammingException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void whatIsWrittenReadsBack() {
        var values = new Object[] {
            "tab\there\\N", null, 42L, new BigDecimal("-12.3400"), 0.1, true, LocalDate.of(-43, 3, 15),
            LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000), LocalDateTime.MAX,
            OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC), new UUID(-1, 5),
            new byte[] {0, 9, 10, 13, 92, (byte) 0xff}, List.of("x", "y z", "\"q\"")
        };
        String row = encode(values);
        Object[] back = decode(row, SqlTypes.TEXT, SqlTypes.INTEGER, SqlTypes.BIGINT, SqlTypes.numeric(10, 4),
                SqlTypes.DOUBLE, SqlTypes.BOOLEAN, SqlTypes.DATE, SqlTypes.TIMESTAMP, SqlTypes.TIMESTAMP,
                SqlTypes.TIMESTAMP_TZ, SqlTypes.UUID_TYPE, SqlTypes.BYTES, SqlTypes.arrayOf(SqlTypes.TEXT));
        assertThat(back).containsExactly(values);
    }

    @Test
    void serverOutputIsParsed() {
        Object[] row = decode("2024-05-01 12:00:00.5+05:30\t1999-01-08 04:05:06-08\t0044-03-15 11:00:00+00:19:32 BC"
                        + "\t24:00:00\t\\\\x0a\tabc\\\\000\\\\\\\\\t{{1,2},{3,NULL}}\n",
                SqlTypes.TIMESTAMP_TZ, SqlTypes.TIMESTAMP_TZ, SqlTypes.TIMESTAMP_TZ, SqlTypes.TIME, SqlTypes.BYTES,
                SqlTypes.BYTES, SqlTypes.arrayOf(SqlTypes.INTEGER));
        assertThat(row[0]).isEqualTo(OffsetDateTime.of(2024, 5, 1, 6, 30, 0, 500_000_000, ZoneOffset.UTC));
        assertThat(row[1]).isEqualTo(OffsetDateTime.of(1999, 1, 8, 12, 5, 6, 0, ZoneOffset.UTC));
        assertThat(((OffsetDateTime) row[2]).getYear()).isEqualTo(-43);
        assertThat(row[3]).isEqualTo(LocalTime.MAX);
        assertThat(row[4]).isEqualTo(new byte[] {10});
        assertThat(row[5]).isEqualTo(new byte[] {'a', 'b', 'c', 0, '\\'});
        assertThat(row[6]).isEqualTo(List.of(List.of(1L, 2L), Arrays.asList(3L, null)));
    }

    @Test
    void malformedRowsAreReported() {
        assertThatThrownBy(() -> decode("1\t2\n", SqlTypes.BIGINT)).isInstanceOf(InvalidResultException.class);
        assertThatThrownBy(() -> decode("1\n", SqlTypes.BIGINT, SqlTypes.BIGINT))
                .isInstanceOf(InvalidResultException.class);
        assertThatThrownBy(() -> decode("x\n", SqlTypes.BIGINT)).isInstanceOf(DataException.class)
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> decode("NaN\n", SqlTypes.numeric(5, 2))).isInstanceOf(DataException.class);
    }
}
