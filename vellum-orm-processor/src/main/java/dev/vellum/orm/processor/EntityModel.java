package dev.vellum.orm.processor;

import java.util.List;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * What the processor read from one entity class: the attributes its metamodel declares and the problems to report.
 *
 * @param entity the entity class
 * @param packageName the package of the entity and of its metamodel ({@code ""} for the unnamed package)
 * @param parent the closest {@code @Entity} superclass, or {@code null}
 * @param attributes the attributes declared by the entity and its {@code @MappedSuperclass} ancestors below
 *     {@code parent}, ancestors first
 * @param originating the classes the attributes come from (the entity, mapped superclasses, embeddables)
 * @param problems what to report about the entity's fields
 * @param incomplete true when a type could not be resolved yet (another processor may still generate it)
 */
record EntityModel(TypeElement entity, String packageName, TypeElement parent, List<Attribute> attributes,
                   List<Element> originating, List<Problem> problems, boolean incomplete) {

    /** The metamodel's simple name: the entity's simple name and an underscore, as JPA tools name it. */
    String metamodelName() {
        return metamodelName(entity);
    }

    /** The metamodel's simple name for {@code entity}. */
    static String metamodelName(TypeElement entity) {
        return entity.getSimpleName() + "_";
    }

    /**
     * A diagnostic to print on an element.
     *
     * @param kind error, or a note for an attribute left out of the metamodel
     * @param element the field (or class) the message is about
     * @param message the text, naming the class and field
     */
    record Problem(Diagnostic.Kind kind, Element element, String message) {
    }
}
