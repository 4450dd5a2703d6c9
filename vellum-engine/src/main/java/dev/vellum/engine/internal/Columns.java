package dev.vellum.engine.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vellum.error.DatabaseException;
import dev.vellum.error.ProgrammingException;

/**
 * The column names of one result, shared by all its rows: name lookup (exact, then case-insensitive) and the
 * per-record-type mappers built for these columns. Thread-safe.
 */
final class Columns {
    private final List<String> names;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();
    private final Map<Class<?>, RecordMapper<?>> mappers = new ConcurrentHashMap<>();

    Columns(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = names.size() - 1; i >= 0; i--) { // the first of duplicate names wins
            exact.put(names.get(i), i);
            folded.put(names.get(i).toLowerCase(Locale.ROOT), i);
        }
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** The index of {@code name}, or -1. */
    int find(String name) {
        Checks.notNull(name, "the column name");
        Integer i = exact.get(name);
        if (i == null) {
            i = folded.get(name.toLowerCase(Locale.ROOT));
        }
        return i == null ? -1 : i;
    }

    int indexOf(String name) {
        int i = find(name);
        if (i < 0) {
            throw new ProgrammingException("no column '" + name + "' in this result; its columns are " + names,
                    DatabaseException.Detail.of(null), null);
        }
        return i;
    }

    String name(int index) {
        if (index < 0 || index >= names.size()) {
            throw new ProgrammingException("column index " + index + " is out of range: the result has "
                    + names.size() + " column(s) " + names + ", indexed from 0",
                    DatabaseException.Detail.of(null), null);
        }
        return names.get(index);
    }

    @SuppressWarnings("unchecked")
    <R extends Record> RecordMapper<R> mapper(Class<R> type) {
        return (RecordMapper<R>) mappers.computeIfAbsent(Checks.notNull(type, "the record type"),
                t -> new RecordMapper<>(type, this));
    }
}
