package dev.vellum.orm.processor;

import java.util.List;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the source of one metamodel class from an {@link EntityModel}: {@code @Generated} by this processor, a
 * {@code public static final Table TABLE = Metamodel.table(User.class);}, then per attribute, in declaration order,
 * {@code public static final Column<String> name = Metamodel.column(User.class, "name", String.class);},
 * {@code public static final Relationship<User, Post> posts = Metamodel.relationship(User.class, "posts",
 * Post.class);}, or a nested class {@code address} holding the embedded value's columns
 * ({@code "address.city"}). The class is public and not final, with a protected constructor, so that the metamodel of
 * an entity subclass can extend it and inherit its constants. The source is written twice: once to collect the types
 * it names, once for real (see {@link TypeNames}).
 */
final class SourceWriter {
    private static final String INDENT = "    ";

    private final EntityModel model;
    private final TypeNames names;
    private final String parentPackage;
    private final String parentMetamodel;
    private final boolean generatedAnnotation;
    private StringBuilder out;

    /**
     * A writer for {@code model}.
     *
     * @param parentMetamodel the simple name of the metamodel to extend (in {@code parentPackage}), or {@code null}
     * @param generatedAnnotation whether {@code javax.annotation.processing.Generated} is there to mark the class
     */
    SourceWriter(EntityModel model, TypeNames names, String parentPackage, String parentMetamodel,
                 boolean generatedAnnotation) {
        this.model = model;
        this.names = names;
        this.parentPackage = parentPackage;
        this.parentMetamodel = parentMetamodel;
        this.generatedAnnotation = generatedAnnotation;
    }

    /** The source text of the metamodel class. */
    String write() {
        body();
        names.freeze();
        String body = body();
        var source = new StringBuilder();
        if (!model.packageName().isEmpty()) {
            source.append("package ").append(model.packageName()).append(";\n\n");
        }
        List<String> imports = names.importLines();
        for (String line : imports) {
            source.append(line).append('\n');
        }
        if (!imports.isEmpty()) {
            source.append('\n');
        }
        return source.append(body).toString();
    }

    private String body() {
        out = new StringBuilder();
        TypeElement entity = model.entity();
        String entityName = names.type(entity);
        out.append("/** Metamodel of {@link ").append(entityName)
                .append("}: its table, typed columns and relationships, for Core queries. */\n");
        if (generatedAnnotation) {
            out.append('@').append(names.type("javax.annotation.processing", "Generated")).append("(\"")
                    .append(MetamodelProcessor.class.getName()).append("\")\n");
        }
        out.append("public class ").append(model.metamodelName());
        if (parentMetamodel != null) {
            out.append(" extends ").append(names.type(parentPackage, parentMetamodel));
        }
        out.append(" {\n");
        line(1, "public static final " + names.type("dev.vellum.sql", "Table") + " TABLE = "
                + metamodel() + ".table(" + names.raw(entity.asType()) + ".class);");
        members(model.attributes(), 1);
        line(1, "protected " + model.metamodelName() + "() {");
        line(1, "}");
        out.append("}\n");
        return out.toString();
    }

    private void members(List<Attribute> attributes, int depth) {
        for (Attribute a : attributes) {
            switch (a) {
                case Attribute.Basic b -> basic(b, depth);
                case Attribute.Relation r -> relation(r, depth);
                case Attribute.Embedded e -> embedded(e, depth);
            }
        }
    }

    private void basic(Attribute.Basic b, int depth) {
        TypeMirror type = b.type();
        if (names.needsCast(type)) {
            line(depth, "@" + names.type("java.lang", "SuppressWarnings") + "(\"unchecked\")");
        }
        line(depth, "public static final " + names.type("dev.vellum.sql", "Column") + "<" + names.generic(type) + "> "
                + b.name() + " = " + metamodel() + ".column(" + names.raw(model.entity().asType()) + ".class, \""
                + b.path() + "\", " + names.classLiteral(type) + ");");
    }

    private void relation(Attribute.Relation r, int depth) {
        TypeMirror owner = model.entity().asType();
        if (names.needsCast(owner) || names.needsCast(r.target())) {
            line(depth, "@" + names.type("java.lang", "SuppressWarnings") + "(\"unchecked\")");
        }
        line(depth, "public static final " + names.type("dev.vellum.orm", "Relationship") + "<" + names.generic(owner)
                + ", " + names.generic(r.target()) + "> " + r.name() + " = " + metamodel() + ".relationship("
                + names.classLiteral(owner) + ", \"" + r.name() + "\", " + names.classLiteral(r.target()) + ");");
    }

    private void embedded(Attribute.Embedded e, int depth) {
        line(depth, "/** The attributes of the embedded value {@code " + e.name() + "}. */");
        line(depth, "public static final class " + e.name() + " {");
        members(e.members(), depth + 1);
        line(depth + 1, "private " + e.name() + "() {");
        line(depth + 1, "}");
        line(depth, "}");
    }

    private String metamodel() {
        return names.qualifier("dev.vellum.orm", "Metamodel");
    }

    private void line(int depth, String text) {
        out.append(INDENT.repeat(depth)).append(text).append('\n');
    }
}
