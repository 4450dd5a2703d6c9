package dev.vellum.orm.internal;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import dev.vellum.sql.SqlType;
import dev.vellum.sql.SqlTypes;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;

/**
 * The Core column type of a persistent field, from its Java type and its {@code @Column}, {@code @Enumerated},
 * {@code @Lob} and {@code @Convert} annotations, with JPA's defaults: strings {@code varchar(255)}, decimals
 * {@code numeric(38,2)}, enums by ordinal unless {@code @Enumerated(STRING)}.
 */
final class ColumnTypes {
    private static final Map<Class<?>, SqlType<?>> PLAIN = Map.ofEntries(
            Map.entry(Long.class, SqlTypes.BIGINT), Map.entry(Integer.class, SqlTypes.INTEGER),
            Map.entry(Short.class, SqlTypes.SMALLINT), Map.entry(Double.class, SqlTypes.DOUBLE),
            Map.entry(Float.class, SqlTypes.REAL), Map.entry(Boolean.class, SqlTypes.BOOLEAN),
            Map.entry(LocalDate.class, SqlTypes.DATE), Map.entry(LocalTime.class, SqlTypes.TIME),
            Map.entry(LocalDateTime.class, SqlTypes.TIMESTAMP), Map.entry(OffsetDateTime.class, SqlTypes.TIMESTAMP_TZ),
            Map.entry(UUID.class, SqlTypes.UUID_TYPE), Map.entry(byte[].class, SqlTypes.BYTES));

    private static final SqlType<Instant> INSTANT = new SqlType.Converted<>(SqlTypes.TIMESTAMP_TZ, Instant.class,
            OffsetDateTime::toInstant, i -> i.atOffset(ZoneOffset.UTC));

    private ColumnTypes() {
    }

    /** The column type of {@code field}, or {@code null} when no column type can hold it. */
    static SqlType<?> of(Field field) {
        Convert convert = field.getAnnotation(Convert.class);
        if (convert != null && convert.converter() != AttributeConverter.class && !convert.disableConversion()) {
            return converted(field, convert.converter());
        }
        return plain(field, Accessor.boxed(field.getType()));
    }

    private static SqlType<?> plain(Field field, Class<?> type) {
        Column column = field.getAnnotation(Column.class);
        if (type == String.class) {
            int length = column == null ? 255 : column.length();
            return field.isAnnotationPresent(Lob.class) ? SqlTypes.TEXT : SqlTypes.varchar(length);
        }
        if (type == BigDecimal.class) {
            int precision = column == null || column.precision() == 0 ? 38 : column.precision();
            int scale = column == null || column.precision() == 0 ? 2 : column.scale();
            return SqlTypes.numeric(precision, scale);
        }
        if (type == Instant.class) {
            return INSTANT;
        }
        if (type.isEnum()) {
            return enumType(field, type.asSubclass(Enum.class));
        }
        return PLAIN.get(type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> enumType(Field field, Class<? extends Enum> type) {
        Enumerated enumerated = field.getAnnotation(Enumerated.class);
        if (enumerated != null && enumerated.value() == EnumType.STRING) {
            return SqlTypes.enumOf((Class) type);
        }
        Enum<?>[] constants = type.getEnumConstants();
        return new SqlType.Converted<Enum<?>, Integer>(SqlTypes.INTEGER, (Class) type, i -> constants[i],
                Enum::ordinal);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> converted(Field field, Class<? extends AttributeConverter> converterType) {
        Class<?> storedType = storedType(converterType);
        SqlType<?> base = storedType == null ? null : plain(field, storedType);
        if (base == null) {
            return null;
        }
        AttributeConverter converter;
        try {
            converter = (AttributeConverter) Accessor.constructor(converterType).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create the converter " + converterType.getName() + ": " + e, e);
        }
        return new SqlType.Converted(base, Accessor.boxed(field.getType()), converter::convertToEntityAttribute,
                converter::convertToDatabaseColumn);
    }

    /** The {@code Y} of {@code AttributeConverter<X, Y>} as the converter class declares it. */
    private static Class<?> storedType(Class<?> converterType) {
        for (Class<?> c = converterType; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == AttributeConverter.class
                        && p.getActualTypeArguments()[1] instanceof Class<?> stored) {
                    return stored;
                }
            }
        }
        return null;
    }
}
