package dev.vellum.engine.internal.driver;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The text form of times and timestamps where a backend stores them as text (SQLite): ISO-8601 with a space
 * between date and time, seconds always present and microseconds only when non-zero, so values sort as text and
 * SQLite's own date functions read them.
 */
public final class TimeText {
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(TIME)
            .toFormatter();

    private TimeText() {
    }

    /** {@code 12:30:05} or {@code 12:30:05.123456}. */
    public static String time(LocalTime t) {
        return TIME.format(t);
    }

    /** {@code 2024-05-01 12:30:05.123456}. */
    public static String timestamp(LocalDateTime t) {
        return TIMESTAMP.format(t);
    }

    /** Parses a time written by {@link #time(LocalTime)} or as ISO-8601. */
    public static LocalTime parseTime(String text) {
        return LocalTime.parse(text.strip());
    }

    /** Parses a timestamp with a space or a {@code T} between date and time; a date alone means midnight. */
    public static LocalDateTime parseTimestamp(String text) {
        String s = text.strip();
        if (s.length() == 10) {
            return java.time.LocalDate.parse(s).atStartOfDay();
        }
        return LocalDateTime.parse(s.replace(' ', 'T'));
    }
}
