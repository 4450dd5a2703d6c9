package dev.vellum.sql;

import java.util.List;
import java.util.function.Function;

import dev.vellum.error.InterfaceException;

/**
 * The SQL type of a column or expression, and the Java type its values have. Each dialect spells the type in DDL
 * its own way; the engine reads values back as {@link #javaType()}. Constants and factories are in
 * {@link SqlTypes}. Immutable and thread-safe.
 *
 * @param <T> the Java type of the values
 * @since 0.1
 */
public sealed interface SqlType<T> permits SqlType.Scalar, SqlType.EnumType, SqlType.ArrayType, SqlType.Converted {
    /** The Java type of the values. */
    Class<T> javaType();

    /** The type a dialect stores: this type itself, or the base of a {@link Converted} type. */
    default SqlType<?> storage() {
        return this;
    }

    /** The value as the database stores it (runs a converter's {@code toDatabase}); {@code null} stays null. */
    default Object toDatabase(Object value) {
        return value;
    }

    /** The Java type to read the stored value as, before {@link #fromDatabase} turns it into a {@code T}. */
    default Class<?> readAs() {
        return javaType();
    }

    /**
     * A value read from the database as {@link #readAs()} turned into this type's Java value (runs a converter's
     * {@code fromDatabase}); {@code null} stays null.
     */
    default T fromDatabase(Object value) {
        return javaType().cast(value);
    }

    /**
     * This type with values converted to and from a Java type the database does not know, like SQLAlchemy's
     * {@code TypeDecorator} or jOOQ's {@code Converter}: {@code SqlTypes.TEXT.as(Email.class, Email::new,
     * Email::value)}.
     */
    default <U> SqlType<U> as(Class<U> javaType, Function<? super T, ? extends U> fromDatabase,
                              Function<? super U, ? extends T> toDatabase) {
        return new Converted<>(this, javaType, fromDatabase, toDatabase);
    }

    /** The kinds of scalar type every dialect knows (JSONB only on PostgreSQL). */
    enum Kind {
        SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE, VARCHAR, TEXT, BOOLEAN, DATE, TIME, TIMESTAMP,
        TIMESTAMP_TZ, UUID, BYTES, JSON, JSONB
    }

    /**
     * A scalar type.
     *
     * @param kind      what it is
     * @param javaType  the Java type of its values
     * @param length    the length of a {@code VARCHAR}, else 0
     * @param precision the precision of a {@code NUMERIC}, else 0
     * @param scale     the scale of a {@code NUMERIC}, else 0
     */
    record Scalar<T>(Kind kind, Class<T> javaType, int length, int precision, int scale) implements SqlType<T> {
        /** Checks the arguments. */
        public Scalar {
            if (kind == null || javaType == null) {
                throw new InterfaceException("a scalar type needs a kind and a Java type");
            }
            if (length < 0 || precision < 0 || scale < 0 || scale > precision && precision > 0) {
                throw new InterfaceException("bad size for " + kind + ": length " + length + ", precision "
                        + precision + ", scale " + scale);
            }
        }
    }

    /**
     * A Java enum stored by its constant names: a native {@code ENUM} on MariaDB, {@code VARCHAR} with a
     * {@code CHECK} elsewhere.
     *
     * @param javaType the enum class
     */
    record EnumType<E extends Enum<E>>(Class<E> javaType) implements SqlType<E> {
        /** Checks the argument. */
        public EnumType {
            if (javaType == null || !javaType.isEnum()) {
                throw new InterfaceException("an enum type needs an enum class, got " + javaType);
            }
        }

        /** The constant names, in declaration order. */
        public List<String> labels() {
            return java.util.Arrays.stream(javaType.getEnumConstants()).map(Enum::name).toList();
        }

        /** The longest label's length: the width of the {@code VARCHAR} that stores it. */
        public int maxLength() {
            return labels().stream().mapToInt(String::length).max().orElse(1);
        }

        @Override
        public Class<?> readAs() {
            return String.class;
        }

        @Override
        public Object toDatabase(Object value) {
            return value == null ? null : ((Enum<?>) value).name();
        }

        @Override
        public E fromDatabase(Object value) {
            if (value == null || javaType.isInstance(value)) {
                return javaType.cast(value);
            }
            try {
                return Enum.valueOf(javaType, value.toString());
            } catch (IllegalArgumentException e) {
                throw new dev.vellum.error.DataException("'" + value + "' is not a constant of "
                        + javaType.getName(), dev.vellum.error.DatabaseException.Detail.of(null), e);
            }
        }
    }

    /**
     * A PostgreSQL array of an element type, read and written as a {@code List}.
     *
     * @param element the element type
     */
    record ArrayType<E>(SqlType<E> element) implements SqlType<List<E>> {
        /** Checks the argument. */
        public ArrayType {
            if (element == null) {
                throw new InterfaceException("an array type needs an element type");
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public Class<List<E>> javaType() {
            return (Class<List<E>>) (Class<?>) List.class;
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<E> fromDatabase(Object value) {
            return (List<E>) value;
        }
    }

    /**
     * A type whose Java values are converted to and from a base type's values.
     *
     * @param base         the stored type
     * @param javaType     the Java type users see
     * @param fromDatabase base value to Java value
     * @param toDatabase   Java value to base value
     */
    record Converted<U, T>(SqlType<T> base, Class<U> javaType, Function<? super T, ? extends U> fromDatabase,
                           Function<? super U, ? extends T> toDatabase) implements SqlType<U> {
        /** Checks the arguments. */
        public Converted {
            if (base == null || javaType == null || fromDatabase == null || toDatabase == null) {
                throw new InterfaceException("a converted type needs a base type, a Java type and two functions");
            }
        }

        @Override
        public SqlType<?> storage() {
            return base.storage();
        }

        @Override
        public Class<?> readAs() {
            return base.readAs();
        }

        @Override
        public Object toDatabase(Object value) {
            return value == null ? null : base.toDatabase(toDatabase.apply(javaType.cast(value)));
        }

        @Override
        public U fromDatabase(Object value) {
            return value == null ? null : fromDatabase.apply(base.fromDatabase(value));
        }
    }
}
