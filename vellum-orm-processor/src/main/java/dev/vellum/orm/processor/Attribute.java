package dev.vellum.orm.processor;

import java.util.List;

import javax.lang.model.type.TypeMirror;

/** One persistent attribute of an entity or embeddable, as the metamodel shows it. */
sealed interface Attribute {
    /** The field name, which is also the name of the metamodel constant or nested class. */
    String name();

    /**
     * A basic attribute: a typed column.
     *
     * @param path the attribute path the runtime knows it by ({@code name}, {@code address.city})
     * @param type the column's Java type: the field type, primitives boxed
     */
    record Basic(String name, String path, TypeMirror type) implements Attribute {
    }

    /**
     * A relationship (to-one or to-many).
     *
     * @param target the entity it leads to, erased
     */
    record Relation(String name, TypeMirror target) implements Attribute {
    }

    /**
     * An embedded value ({@code @Embedded}, {@code @EmbeddedId}, or a field of an {@code @Embeddable} type).
     *
     * @param members the embeddable's attributes, with paths below this one
     */
    record Embedded(String name, List<Attribute> members) implements Attribute {
    }
}
