package dev.vellum.engine.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import dev.vellum.engine.internal.driver.TimeText;
import dev.vellum.error.DataException;
import dev.vellum.error.DatabaseException;

/**
 * Converts a normalised column value to the Java type a caller asks for ({@code Row.get(i, Type.class)}).
 * Numbers convert between numeric types only when the value fits; text converts to {@code java.time} values,
 * {@code UUID} and numbers; timestamps without zone are taken as UTC when an {@code Instant} or
 * {@code OffsetDateTime} is asked for. Anything else is a {@link DataException} naming both types. Thread-safe.
 */
public final class Values {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            long.class, Long.class, int.class, Integer.class, short.class, Short.class, byte.class, Byte.class,
            double.class, Double.class, float.class, Float.class, boolean.class, Boolean.class, char.class,
            Character.class);

    private Values() {
    }

    /**
     * {@code value} as {@code type}.
     *
     * @param what names the value in error messages, e.g. {@code column 'age'}
     */
    @SuppressWarnings("unchecked")
    public static <T> T convert(Object value, Class<T> type, String what) {
        Checks.notNull(type, "the type to convert " + what + " to");
        Class<T> target = type.isPrimitive() ? (Class<T>) BOXES.get(type) : type;
        if (value == null || target.isInstance(value)) {
            return (T) value;
        }
        try {
            Object out = switch (value) {
                case Number n -> fromNumber(n, target);
                case String s -> fromText(s, target);
                case Boolean b -> fromBoolean(b, target);
                case LocalDateTime t -> fromTimestamp(t, target);
                case OffsetDateTime t -> fromOffset(t, target);
                case byte[] b -> fromBytes(b, target);
                default -> null;
            };
            if (out != null) {
                return (T) out;
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw error(value, target, what, e.getMessage());
        }
        throw error(value, target, what, null);
    }

    private static Object fromNumber(Number n, Class<?> target) {
        if (target == String.class) {
            return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
        }
        if (target == Boolean.class && isIntegral(n)) {
            long v = n.longValue();
            if (v == 0 || v == 1) {
                return v == 1;
            }
            throw new ArithmeticException("only 0 and 1 are booleans");
        }
        if (target == Double.class) {
            return n.doubleValue();
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            Object fits = narrow(n.longValue(), target);
            if (fits != null) {
                return fits;
            }
        }
        if (target == Float.class) {
            return n.floatValue();
        }
        BigDecimal d = decimal(n);
        if (target == BigDecimal.class) {
            return d;
        }
        if (target == BigInteger.class) {
            return d.toBigIntegerExact();
        }
        if (target == Long.class) {
            return d.longValueExact();
        }
        if (target == Integer.class) {
            return d.intValueExact();
        }
        if (target == Short.class) {
            return d.shortValueExact();
        }
        if (target == Byte.class) {
            return d.byteValueExact();
        }
        return null;
    }

    /** A whole number as a narrower integer type without going through BigDecimal; null when it does not apply. */
    private static Object narrow(long v, Class<?> target) {
        if (target == Long.class) {
            return v;
        }
        if (target == Integer.class) {
            return Math.toIntExact(v);
        }
        if (target == Short.class && v == (short) v) {
            return (short) v;
        }
        if (target == Byte.class && v == (byte) v) {
            return (byte) v;
        }
        return null;
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger;
    }

    private static BigDecimal decimal(Number n) {
        return switch (n) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> BigDecimal.valueOf(d);
            case Float f -> new BigDecimal(f.toString());
            default -> BigDecimal.valueOf(n.longValue());
        };
    }

    private static Object fromText(String s, Class<?> target) {
        if (target == LocalDate.class) {
            return LocalDate.parse(s.strip().length() > 10 ? s.strip().substring(0, 10) : s.strip());
        }
        if (target == LocalTime.class) {
            return TimeText.parseTime(s);
        }
        if (target == LocalDateTime.class) {
            return TimeText.parseTimestamp(s);
        }
        if (target == Instant.class) {
            return TimeText.parseTimestamp(s).toInstant(ZoneOffset.UTC);
        }
        if (target == OffsetDateTime.class) {
            return TimeText.parseTimestamp(s).atOffset(ZoneOffset.UTC);
        }
        if (target == UUID.class) {
            return UUID.fromString(s.strip());
        }
        if (target == Boolean.class) {
            return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "t", "1" -> true;
                case "false", "f", "0" -> false;
                default -> throw new NumberFormatException("not a boolean: '" + s + "'");
            };
        }
        if (target == Character.class && s.length() == 1) {
            return s.charAt(0);
        }
        if (Enum.class.isAssignableFrom(target)) {
            return enumValue(target, s);
        }
        if (Number.class.isAssignableFrom(target)) {
            return fromNumber(new BigDecimal(s.strip()), target);
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> target, String s) {
        try {
            return Enum.valueOf((Class) target, s);
        } catch (IllegalArgumentException e) {
            throw new NumberFormatException("no constant " + s + " in " + target.getSimpleName());
        }
    }

    private static Object fromBoolean(Boolean b, Class<?> target) {
        if (target == String.class) {
            return b.toString();
        }
        return Number.class.isAssignableFrom(target) ? fromNumber(b ? 1L : 0L, target) : null;
    }

    private static Object fromTimestamp(LocalDateTime t, Class<?> target) {
        if (target == Instant.class) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (target == OffsetDateTime.class) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (target == LocalDate.class) {
            return t.toLocalDate();
        }
        return target == String.class ? TimeText.timestamp(t) : null;
    }

    private static Object fromOffset(OffsetDateTime t, Class<?> target) {
        if (target == Instant.class) {
            return t.toInstant();
        }
        if (target == LocalDateTime.class) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return target == String.class ? t.toString() : null;
    }

    private static Object fromBytes(byte[] b, Class<?> target) {
        if (target == UUID.class && b.length == 16) {
            var buf = ByteBuffer.wrap(b);
            return new UUID(buf.getLong(), buf.getLong());
        }
        return null;
    }

    private static DataException error(Object value, Class<?> target, String what, String reason) {
        return new DataException("cannot convert " + what + " (" + value.getClass().getSimpleName() + " "
                + Rows.repr(value) + ") to " + target.getSimpleName() + (reason == null ? "" : ": " + reason),
                DatabaseException.Detail.of(null), null);
    }
}
