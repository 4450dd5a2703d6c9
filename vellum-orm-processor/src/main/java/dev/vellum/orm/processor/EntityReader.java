package dev.vellum.orm.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads an entity class into an {@link EntityModel} the way the ORM runtime reads it ({@code MappingReader}): the
 * persistent fields are the non-static, non-{@code transient}, non-{@code @Transient} fields of the entity and of its
 * {@code @MappedSuperclass} ancestors up to the closest {@code @Entity} superclass; a relationship annotation makes a
 * relationship, {@code @EmbeddedId}, {@code @Embedded} or an {@code @Embeddable} type an embedded value, anything
 * else a basic column. What the runtime would reject in a way that is plain at compile time is reported as an
 * error; what it might still accept is left out of the metamodel without a word, for {@code Orm.create} to judge.
 */
final class EntityReader {
    private static final List<String> TO_MANY_TYPES = List.of("java.util.List", "java.util.Set",
            "java.util.Collection");
    private static final String REF = "dev.vellum.orm.Ref";

    private final Types types;
    private final Elements elements;

    EntityReader(Types types, Elements elements) {
        this.types = types;
        this.elements = elements;
    }

    /** The model of {@code entity}; the caller decides whether to report its problems. */
    EntityModel read(TypeElement entity) {
        var s = new State(entity, elements.getPackageOf(entity).getQualifiedName().toString());
        s.originating.add(entity);
        TypeElement parent = entitySuperclass(s, entity);
        List<Attribute> attributes = attributes(s, entity, (DeclaredType) entity.asType(), parent, "");
        return new EntityModel(entity, s.pkg, parent, attributes, List.copyOf(s.originating),
                List.copyOf(s.problems), s.incomplete);
    }

    /** The closest superclass of {@code type} annotated {@code @Entity}, or {@code null}. */
    private TypeElement entitySuperclass(State s, TypeElement type) {
        for (TypeElement c = superclass(s, type); c != null; c = superclass(s, c)) {
            if (Annotations.has(c, Annotations.ENTITY)) {
                return c;
            }
        }
        return null;
    }

    private static TypeElement superclass(State s, TypeElement type) {
        TypeMirror sup = type.getSuperclass();
        if (sup.getKind() == TypeKind.ERROR) {
            s.incomplete = true;
            return null;
        }
        if (sup.getKind() != TypeKind.DECLARED) {
            return null;
        }
        var e = (TypeElement) ((DeclaredType) sup).asElement();
        return e.getQualifiedName().contentEquals("java.lang.Object") ? null : e;
    }

    /**
     * The attributes of {@code owner} (an entity, or an embeddable when {@code prefix} is not empty) and of its
     * {@code @MappedSuperclass} ancestors below {@code stop}, ancestors first; a field hiding another of the same name
     * replaces it, as the runtime's attribute paths do.
     */
    private List<Attribute> attributes(State s, TypeElement owner, DeclaredType ownerType, TypeElement stop,
                                       String prefix) {
        var chain = new ArrayDeque<TypeElement>();
        for (TypeElement c = owner; c != null && !c.equals(stop); c = superclass(s, c)) {
            if (c.equals(owner) || Annotations.has(c, Annotations.MAPPED_SUPERCLASS)) {
                chain.push(c);
            }
        }
        var byName = new LinkedHashMap<String, Attribute>();
        for (TypeElement c : chain) {
            s.originating.add(c);
            for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                Set<Modifier> m = f.getModifiers();
                if (m.contains(Modifier.STATIC) || m.contains(Modifier.TRANSIENT)
                        || Annotations.has(f, Annotations.TRANSIENT)) {
                    continue;
                }
                Attribute a = attribute(s, f, memberType(ownerType, f), prefix);
                if (a != null) {
                    byName.put(a.name(), a);
                }
            }
        }
        return List.copyOf(byName.values());
    }

    /** The type of {@code field} as a member of {@code owner}, so a {@code @MappedSuperclass}'s {@code T} resolves. */
    private TypeMirror memberType(DeclaredType owner, VariableElement field) {
        try {
            return types.asMemberOf(owner, field);
        } catch (IllegalArgumentException e) {
            return field.asType();
        }
    }

    private Attribute attribute(State s, VariableElement f, TypeMirror type, String prefix) {
        String name = f.getSimpleName().toString();
        String where = s.entity.getSimpleName() + "." + prefix + name;
        if (containsError(type)) {
            s.incomplete = true;
            return null;
        }
        AnnotationMirror relation = relationAnnotation(f);
        if (relation == null && (Annotations.has(f, Annotations.EMBEDDED_ID)
                || Annotations.has(f, Annotations.EMBEDDED) || isEmbeddable(type))) {
            return embedded(s, f, type, prefix, where);
        }
        if (prefix.isEmpty() && name.equals("TABLE")) {
            s.error(f, where + ": the attribute TABLE clashes with the metamodel's TABLE constant; rename the field");
            return null;
        }
        if (relation != null) {
            // relationships inside an embeddable are not supported; the runtime says so
            return prefix.isEmpty() ? relation(s, f, type, relation, where) : null;
        }
        TypeMirror column = type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
        if (!accessible(column, s.pkg)) {
            s.inaccessible(f, where, column);
            return null;
        }
        return new Attribute.Basic(name, prefix + name, column);
    }

    private static AnnotationMirror relationAnnotation(Element field) {
        for (String name : List.of(Annotations.MANY_TO_ONE, Annotations.ONE_TO_ONE, Annotations.ONE_TO_MANY,
                Annotations.MANY_TO_MANY)) {
            AnnotationMirror m = Annotations.find(field, name);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private Attribute relation(State s, VariableElement f, TypeMirror type, AnnotationMirror annotation,
                               String where) {
        var kind = (TypeElement) annotation.getAnnotationType().asElement();
        String ann = "@" + kind.getSimpleName();
        boolean toMany = kind.getQualifiedName().contentEquals(Annotations.ONE_TO_MANY)
                || kind.getQualifiedName().contentEquals(Annotations.MANY_TO_MANY);
        TypeMirror given = Annotations.classValue(annotation, "targetEntity");
        if (given != null && containsError(given)) {
            s.incomplete = true;
            return null;
        }
        TypeMirror erased = types.erasure(type);
        TypeMirror target;
        if (toMany) {
            if (!TO_MANY_TYPES.contains(qualifiedName(erased))) {
                s.error(f, where + ": a to-many relationship (" + ann + ") needs a List, Set or Collection field, not "
                        + display(type));
                return null;
            }
            target = given != null ? given : typeArgument(type);
        } else if (type.getKind().isPrimitive() || type.getKind() == TypeKind.ARRAY || isCollection(erased)) {
            s.error(f, where + ": a to-one relationship (" + ann + ") needs an entity or Ref<T> field, not "
                    + display(type));
            return null;
        } else if (REF.equals(qualifiedName(erased))) {
            target = given != null ? given : typeArgument(type);
        } else {
            target = given != null ? given : erased;
        }
        if (target == null) {
            s.error(f, where + ": cannot tell the target entity of " + ann + "; give the type argument or "
                    + "targetEntity");
            return null;
        }
        target = types.erasure(target);
        if (target.getKind() != TypeKind.DECLARED
                || !Annotations.has(((DeclaredType) target).asElement(), Annotations.ENTITY)) {
            return null; // not an entity: the runtime reports it
        }
        if (!accessible(target, s.pkg)) {
            s.inaccessible(f, where, target);
            return null;
        }
        return new Attribute.Relation(f.getSimpleName().toString(), target);
    }

    private Attribute embedded(State s, VariableElement f, TypeMirror type, String prefix, String where) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        var declared = (DeclaredType) type;
        var embeddable = (TypeElement) declared.asElement();
        if (!Annotations.has(embeddable, Annotations.EMBEDDABLE)) {
            return null; // the runtime reports a missing @Embeddable
        }
        String name = f.getSimpleName().toString();
        if (name.equals(s.entity.getSimpleName() + "_") || List.of(prefix.split("\\.")).contains(name)) {
            s.error(f, where + ": the metamodel's nested class " + name + " would have the name of a class enclosing"
                    + " it; rename the field");
            return null;
        }
        String qualified = embeddable.getQualifiedName().toString();
        if (s.embedding.contains(qualified)) {
            s.error(f, where + ": the @Embeddable " + embeddable.getSimpleName() + " contains itself");
            return null;
        }
        s.embedding.push(qualified);
        List<Attribute> members = attributes(s, embeddable, declared, null, prefix + name + ".");
        s.embedding.pop();
        return new Attribute.Embedded(name, members);
    }

    private static boolean isEmbeddable(TypeMirror type) {
        return type instanceof DeclaredType d && Annotations.has(d.asElement(), Annotations.EMBEDDABLE);
    }

    private boolean isCollection(TypeMirror erased) {
        TypeElement collection = elements.getTypeElement("java.util.Collection");
        return collection != null && types.isAssignable(erased, types.erasure(collection.asType()));
    }

    private static TypeMirror typeArgument(TypeMirror type) {
        if (type instanceof DeclaredType d && !d.getTypeArguments().isEmpty()
                && d.getTypeArguments().getFirst().getKind() == TypeKind.DECLARED) {
            return d.getTypeArguments().getFirst();
        }
        return null;
    }

    private static String qualifiedName(TypeMirror type) {
        return type instanceof DeclaredType d ? ((TypeElement) d.asElement()).getQualifiedName().toString() : "";
    }

    private static String display(TypeMirror type) {
        return type instanceof DeclaredType d ? d.asElement().getSimpleName().toString() : type.toString();
    }

    private static boolean containsError(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case ARRAY -> containsError(((ArrayType) type).getComponentType());
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(EntityReader::containsError);
            case WILDCARD -> {
                var w = (WildcardType) type;
                yield w.getExtendsBound() != null && containsError(w.getExtendsBound())
                        || w.getSuperBound() != null && containsError(w.getSuperBound());
            }
            default -> false;
        };
    }

    /** True when the metamodel, in package {@code pkg}, can name {@code type}. */
    private boolean accessible(TypeMirror type, String pkg) {
        return switch (type.getKind()) {
            case ARRAY -> accessible(((ArrayType) type).getComponentType(), pkg);
            case TYPEVAR -> accessible(types.erasure(type), pkg);
            case WILDCARD -> {
                var w = (WildcardType) type;
                yield (w.getExtendsBound() == null || accessible(w.getExtendsBound(), pkg))
                        && (w.getSuperBound() == null || accessible(w.getSuperBound(), pkg));
            }
            case DECLARED -> accessible((TypeElement) ((DeclaredType) type).asElement(), pkg)
                    && ((DeclaredType) type).getTypeArguments().stream().allMatch(a -> accessible(a, pkg));
            default -> true;
        };
    }

    /** True when code in {@code pkg} can name {@code type}: no private or foreign non-public class on its way. */
    boolean accessible(TypeElement type, String pkg) {
        for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS
                    || t.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
            if (!t.getModifiers().contains(Modifier.PUBLIC)
                    && !elements.getPackageOf(t).getQualifiedName().contentEquals(pkg)) {
                return false;
            }
        }
        return true;
    }

    /** The state of reading one entity. */
    private static final class State {
        final TypeElement entity;
        final String pkg;
        final List<EntityModel.Problem> problems = new ArrayList<>();
        final Set<Element> originating = new LinkedHashSet<>();
        final Deque<String> embedding = new ArrayDeque<>();
        boolean incomplete;

        State(TypeElement entity, String pkg) {
            this.entity = entity;
            this.pkg = pkg;
        }

        void error(Element field, String message) {
            problems.add(new EntityModel.Problem(Diagnostic.Kind.ERROR, field, message));
        }

        void inaccessible(Element field, String where, TypeMirror type) {
            problems.add(new EntityModel.Problem(Diagnostic.Kind.NOTE, field, where + ": left out of the metamodel, "
                    + "which cannot name " + display(type) + " from " + (pkg.isEmpty() ? "the unnamed package"
                    : "package " + pkg)));
        }
    }
}
