package dev.vellum.engine.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;

import dev.vellum.error.InterfaceException;

/**
 * What Vellum needs to build one record type: its component names and types, and its canonical constructor as a
 * {@link MethodHandle} taking an {@code Object[]}. Found once per record class through a
 * {@link ClassValue}, so no reflection runs per query or per row. Immutable, thread-safe.
 */
final class RecordType {
    private static final ClassValue<RecordType> CACHE = new ClassValue<>() {
        @Override
        protected RecordType computeValue(Class<?> type) {
            return new RecordType(type);
        }
    };

    final Class<?> type;
    final String[] names;
    final Class<?>[] types;
    /** {@link #types} with primitives replaced by their wrappers, for instance checks on boxed values. */
    final Class<?>[] boxedTypes;
    final MethodHandle constructor;
    /** The constructor taking each component as an {@code Object}: called without an argument array. */
    final MethodHandle generic;

    private RecordType(Class<?> type) {
        if (!type.isRecord()) {
            throw new InterfaceException(type.getName() + " is not a record class");
        }
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        this.names = new String[components.length];
        this.types = new Class<?>[components.length];
        this.boxedTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
            types[i] = components[i].getType();
            boxedTypes[i] = types[i].isPrimitive()
                    ? MethodType.methodType(types[i]).wrap().returnType() : types[i];
        }
        MethodHandle exact = constructor(type, types);
        this.generic = exact.asType(MethodType.genericMethodType(types.length));
        this.constructor = exact.asSpreader(Object[].class, types.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
    }

    static RecordType of(Class<?> type) {
        return CACHE.get(Checks.notNull(type, "the record type"));
    }

    private static MethodHandle constructor(Class<?> type, Class<?>[] parameterTypes) {
        try {
            var ctor = type.getDeclaredConstructor(parameterTypes);
            ctor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(ctor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InterfaceException("cannot use the constructor of record " + type.getName() + ": " + e, e);
        }
    }
}
