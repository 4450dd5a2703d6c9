package dev.vellum.orm.processor;

import java.util.Map;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The annotations the processor reads, matched by qualified name: the processor runs with nothing but itself on the
 * processor path, so it cannot load {@code jakarta.persistence} classes.
 */
final class Annotations {
    static final String ENTITY = "jakarta.persistence.Entity";
    static final String MAPPED_SUPERCLASS = "jakarta.persistence.MappedSuperclass";
    static final String EMBEDDABLE = "jakarta.persistence.Embeddable";
    static final String EMBEDDED = "jakarta.persistence.Embedded";
    static final String EMBEDDED_ID = "jakarta.persistence.EmbeddedId";
    static final String TRANSIENT = "jakarta.persistence.Transient";
    static final String MANY_TO_ONE = "jakarta.persistence.ManyToOne";
    static final String ONE_TO_ONE = "jakarta.persistence.OneToOne";
    static final String ONE_TO_MANY = "jakarta.persistence.OneToMany";
    static final String MANY_TO_MANY = "jakarta.persistence.ManyToMany";

    private Annotations() {
    }

    /** The annotation {@code name} directly present on {@code element}, or {@code null}. */
    static AnnotationMirror find(Element element, String name) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            Element type = m.getAnnotationType().asElement();
            if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(name)) {
                return m;
            }
        }
        return null;
    }

    /** True when the annotation {@code name} is directly present on {@code element}. */
    static boolean has(Element element, String name) {
        return find(element, name) != null;
    }

    /**
     * The class given explicitly as {@code member} of {@code annotation} ({@code targetEntity = Post.class}), or
     * {@code null} when it is left at its default or given as {@code void.class}.
     */
    static TypeMirror classValue(AnnotationMirror annotation, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : annotation.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)
                    && e.getValue().getValue() instanceof TypeMirror type && type.getKind() != TypeKind.VOID) {
                return type;
            }
        }
        return null;
    }
}
