package dev.vellum.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.vellum.sql.SqlType.Kind;
import dev.vellum.sql.SqlType.Scalar;

/**
 * The column types, as constants and factories: {@code column("name", varchar(50))}. Each dialect spells them
 * in its own DDL (PostgreSQL {@code bytea}, MariaDB {@code LONGBLOB}, SQLite {@code BLOB}, ...).
 *
 * @since 0.1
 */
public final class SqlTypes {
    /** {@code SMALLINT}, read as {@code Short}. */
    public static final SqlType<Short> SMALLINT = new Scalar<>(Kind.SMALLINT, Short.class, 0, 0, 0);
    /** {@code INTEGER}, read as {@code Integer}. */
    public static final SqlType<Integer> INTEGER = new Scalar<>(Kind.INTEGER, Integer.class, 0, 0, 0);
    /** {@code BIGINT}, read as {@code Long}. */
    public static final SqlType<Long> BIGINT = new Scalar<>(Kind.BIGINT, Long.class, 0, 0, 0);
    /** Single-precision floating point, read as {@code Float}. */
    public static final SqlType<Float> REAL = new Scalar<>(Kind.REAL, Float.class, 0, 0, 0);
    /** Double-precision floating point, read as {@code Double}. */
    public static final SqlType<Double> DOUBLE = new Scalar<>(Kind.DOUBLE, Double.class, 0, 0, 0);
    /** Unbounded text, read as {@code String}. */
    public static final SqlType<String> TEXT = new Scalar<>(Kind.TEXT, String.class, 0, 0, 0);
    /** {@code BOOLEAN} ({@code TINYINT(1)} on MariaDB, 0/1 on SQLite), read as {@code Boolean}. */
    public static final SqlType<Boolean> BOOLEAN = new Scalar<>(Kind.BOOLEAN, Boolean.class, 0, 0, 0);
    /** {@code DATE}, read as {@code LocalDate}. */
    public static final SqlType<LocalDate> DATE = new Scalar<>(Kind.DATE, LocalDate.class, 0, 0, 0);
    /** {@code TIME} without zone, read as {@code LocalTime}. */
    public static final SqlType<LocalTime> TIME = new Scalar<>(Kind.TIME, LocalTime.class, 0, 0, 0);
    /** {@code TIMESTAMP} without zone, read as {@code LocalDateTime}. */
    public static final SqlType<LocalDateTime> TIMESTAMP =
            new Scalar<>(Kind.TIMESTAMP, LocalDateTime.class, 0, 0, 0);
    /**
     * {@code TIMESTAMP WITH TIME ZONE} on PostgreSQL; elsewhere stored in UTC. Read as {@code OffsetDateTime}.
     */
    public static final SqlType<OffsetDateTime> TIMESTAMP_TZ =
            new Scalar<>(Kind.TIMESTAMP_TZ, OffsetDateTime.class, 0, 0, 0);
    /** {@code UUID} on PostgreSQL, {@code UUID} on MariaDB, text on SQLite; read as {@code UUID}. */
    public static final SqlType<UUID> UUID_TYPE = new Scalar<>(Kind.UUID, UUID.class, 0, 0, 0);
    /** Binary data, read as {@code byte[]}. */
    public static final SqlType<byte[]> BYTES = new Scalar<>(Kind.BYTES, byte[].class, 0, 0, 0);
    /** JSON text ({@code json} on PostgreSQL, {@code JSON} on MariaDB, text on SQLite), read as {@code String}. */
    public static final SqlType<String> JSON = new Scalar<>(Kind.JSON, String.class, 0, 0, 0);
    /** PostgreSQL's binary {@code jsonb}, read as {@code String}; other dialects refuse it. */
    public static final SqlType<String> JSONB = new Scalar<>(Kind.JSONB, String.class, 0, 0, 0);

    private SqlTypes() {
    }

    /** {@code VARCHAR(length)}, read as {@code String}. */
    public static SqlType<String> varchar(int length) {
        if (length <= 0) {
            throw new dev.vellum.error.InterfaceException("a VARCHAR length must be positive, got " + length);
        }
        return new Scalar<>(Kind.VARCHAR, String.class, length, 0, 0);
    }

    /** {@code NUMERIC(precision, scale)}, read as {@code BigDecimal}. */
    public static SqlType<BigDecimal> numeric(int precision, int scale) {
        if (precision <= 0) {
            throw new dev.vellum.error.InterfaceException("a NUMERIC precision must be positive, got " + precision);
        }
        return new Scalar<>(Kind.NUMERIC, BigDecimal.class, 0, precision, scale);
    }

    /** A Java enum stored by constant name. */
    public static <E extends Enum<E>> SqlType<E> enumOf(Class<E> type) {
        return new SqlType.EnumType<>(type);
    }

    /** A PostgreSQL array of {@code element}, read and written as a {@code List}. */
    public static <E> SqlType<java.util.List<E>> arrayOf(SqlType<E> element) {
        return new SqlType.ArrayType<>(element);
    }

    /** The type a Java value gets when it is bound without a column to take the type from. */
    @SuppressWarnings("unchecked")
    public static <T> SqlType<T> forValue(T value) {
        SqlType<?> type = switch (value) {
            case null -> TEXT;
            case Integer i -> INTEGER;
            case Long l -> BIGINT;
            case Short s -> SMALLINT;
            case Double d -> DOUBLE;
            case Float f -> REAL;
            case BigDecimal b -> new Scalar<>(Kind.NUMERIC, BigDecimal.class, 0, 0, 0);
            case String s -> TEXT;
            case Boolean b -> BOOLEAN;
            case LocalDate d -> DATE;
            case LocalTime t -> TIME;
            case LocalDateTime t -> TIMESTAMP;
            case OffsetDateTime t -> TIMESTAMP_TZ;
            case java.util.UUID u -> UUID_TYPE;
            case byte[] b -> BYTES;
            case Enum<?> e -> enumTypeOf(e);
            default -> throw new dev.vellum.error.InterfaceException("no SQL type for a value of "
                    + value.getClass().getName() + "; bind it with an explicit type: Sql.bind(value, type)");
        };
        return (SqlType<T>) type;
    }

    private static <E extends Enum<E>> SqlType<E> enumTypeOf(Enum<?> constant) {
        @SuppressWarnings("unchecked")
        Class<E> type = (Class<E>) constant.getDeclaringClass();
        return new SqlType.EnumType<>(type);
    }
}
