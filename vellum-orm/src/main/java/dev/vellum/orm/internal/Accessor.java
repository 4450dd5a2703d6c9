package dev.vellum.orm.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import dev.vellum.error.InterfaceException;

/**
 * Reads and writes one persistent field through method handles resolved once at mapping time, so no reflection
 * runs per row. For an attribute inside an {@code @Embedded} value the accessor walks the path, creating the
 * embedded object on the first write.
 */
final class Accessor {
    private final String path;
    private final Class<?> type;
    private final MethodHandle getter;
    private final MethodHandle setter;
    private final Accessor parent;
    private final MethodHandle parentFactory;

    private Accessor(String path, Class<?> type, MethodHandle getter, MethodHandle setter, Accessor parent,
                     MethodHandle parentFactory) {
        this.path = path;
        this.type = type;
        this.getter = getter;
        this.setter = setter;
        this.parent = parent;
        this.parentFactory = parentFactory;
    }

    /** An accessor for {@code field} of the entity itself. */
    static Accessor of(Field field) {
        return of(field, null);
    }

    /** An accessor for {@code field} of the embedded value that {@code parent} reads, or of the entity. */
    static Accessor of(Field field, Accessor parent) {
        if (Modifier.isFinal(field.getModifiers())) {
            throw new InterfaceException("field is final");
        }
        var lookup = lookup(field.getDeclaringClass());
        try {
            MethodHandle get = lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
            MethodHandle set = lookup.unreflectSetter(field)
                    .asType(MethodType.methodType(void.class, Object.class, Object.class));
            String name = parent == null ? field.getName() : parent.path + "." + field.getName();
            MethodHandle factory = parent == null ? null : constructor(parent.type);
            return new Accessor(name, field.getType(), get, set, parent, factory);
        } catch (IllegalAccessException e) {
            throw new InterfaceException("cannot access " + field.getDeclaringClass().getName() + "." + field.getName()
                    + ": open its package to dev.vellum.orm", e);
        }
    }

    /** A handle creating an instance with the no-argument constructor (any visibility), typed {@code ()Object}. */
    static MethodHandle constructor(Class<?> type) {
        try {
            var ctor = type.getDeclaredConstructor();
            return lookup(type).unreflectConstructor(ctor).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            throw new InterfaceException("no constructor without arguments");
        } catch (IllegalAccessException e) {
            throw new InterfaceException("cannot access the constructor of " + type.getName()
                    + ": open its package to dev.vellum.orm", e);
        }
    }

    private static MethodHandles.Lookup lookup(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new InterfaceException("cannot access " + type.getName() + ": open its package to dev.vellum.orm",
                    e);
        }
    }

    /** This field read on its own declaring class, as when the embedded value itself is at hand. */
    Accessor leaf() {
        return parent == null ? this : new Accessor(path.substring(path.lastIndexOf('.') + 1), type, getter, setter,
                null, null);
    }

    /** The attribute path, {@code name} or {@code address.city}. */
    String path() {
        return path;
    }

    /** The accessor of the enclosing embedded value, or {@code null} for a field of the entity itself. */
    Accessor parent() {
        return parent;
    }

    /** The declared Java type of the field. */
    Class<?> type() {
        return type;
    }

    /** The field's value, or {@code null} when an enclosing embedded value is null. */
    Object get(Object entity) {
        try {
            Object holder = parent == null ? entity : parent.get(entity);
            return holder == null ? null : (Object) getter.invokeExact(holder);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new InterfaceException("cannot read " + path, e);
        }
    }

    /** Sets the field, creating enclosing embedded values as needed (a null into a null embedded is skipped). */
    void set(Object entity, Object value) {
        try {
            Object holder = entity;
            if (parent != null) {
                holder = parent.get(entity);
                if (holder == null) {
                    if (value == null) {
                        return;
                    }
                    holder = (Object) parentFactory.invokeExact();
                    parent.set(entity, holder);
                }
            }
            if (value == null && type.isPrimitive()) {
                throw new InterfaceException("cannot set the primitive " + path + " to NULL; map it as "
                        + boxed(type).getSimpleName());
            }
            setter.invokeExact(holder, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new InterfaceException("cannot write " + path, e);
        }
    }

    /** The wrapper class of a primitive type, or the type itself. */
    static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }

    @Override
    public String toString() {
        return path;
    }
}
