package dev.vellum.engine.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Locale;

import dev.vellum.error.DatabaseException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.ProgrammingException;

/**
 * Maps rows of one result to one record type: each record component is matched once to a column by name
 * ({@code createdAt} matches {@code createdAt}, {@code created_at} or {@code CREATEDAT}), then every row is a
 * positional copy through the canonical constructor's {@link MethodHandle}, converting only values whose type
 * differs. Built once per (result, record type); thread-safe.
 */
final class RecordMapper<R extends Record> {
    private final Class<R> type;
    private final MethodHandle constructor;
    private final int[] sourceColumn;
    private final Class<?>[] targetType;
    private final String[] componentName;

    RecordMapper(Class<R> type, Columns columns) {
        this.type = Checks.notNull(type, "the record type");
        if (!type.isRecord()) {
            throw new InterfaceException(type.getName() + " is not a record class");
        }
        RecordComponent[] components = type.getRecordComponents();
        this.sourceColumn = new int[components.length];
        this.targetType = new Class<?>[components.length];
        this.componentName = new String[components.length];
        var missing = new ArrayList<String>();
        for (int i = 0; i < components.length; i++) {
            componentName[i] = components[i].getName();
            targetType[i] = components[i].getType();
            sourceColumn[i] = findColumn(columns, componentName[i]);
            if (sourceColumn[i] < 0) {
                missing.add(componentName[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw new ProgrammingException("cannot map to " + type.getSimpleName() + ": no column for component(s) "
                    + missing + " among " + columns.names(), DatabaseException.Detail.of(null), null);
        }
        this.constructor = canonicalConstructor(type, targetType).asSpreader(Object[].class, components.length);
    }

    R map(Object[] values) {
        var args = new Object[sourceColumn.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = Values.convert(values[sourceColumn[i]], targetType[i],
                    type.getSimpleName() + "." + componentName[i]);
            if (args[i] == null && targetType[i].isPrimitive()) {
                throw new InterfaceException("cannot map NULL to primitive component " + type.getSimpleName() + "."
                        + componentName[i] + ": declare it with a boxed type");
            }
        }
        try {
            return type.cast(constructor.invoke(args));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new InterfaceException("the constructor of " + type.getSimpleName() + " failed: " + e, e);
        }
    }

    private static int findColumn(Columns columns, String component) {
        int i = columns.find(component);
        if (i >= 0) {
            return i;
        }
        var folded = component.toLowerCase(Locale.ROOT);
        for (int c = 0; c < columns.size(); c++) {
            if (columns.names().get(c).replace("_", "").toLowerCase(Locale.ROOT).equals(folded)) {
                return c;
            }
        }
        return -1;
    }

    private static MethodHandle canonicalConstructor(Class<?> type, Class<?>[] parameterTypes) {
        try {
            var ctor = type.getDeclaredConstructor(parameterTypes);
            ctor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(ctor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InterfaceException("cannot use the constructor of record " + type.getName() + ": " + e, e);
        }
    }
}
