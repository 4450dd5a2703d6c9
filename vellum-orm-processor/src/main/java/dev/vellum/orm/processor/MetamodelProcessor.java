package dev.vellum.orm.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Writes the metamodel class {@code User_} for every class annotated {@code @jakarta.persistence.Entity} in the
 * compilation, in the entity's package: a {@code Table TABLE} constant, a typed {@code Column} per basic attribute, a
 * {@code Relationship} per association and a nested class per embedded value, each resolved at run time through
 * {@code dev.vellum.orm.Metamodel} against the mapping the ORM reads. The metamodel of an entity subclass extends its
 * parent's. Problems the runtime would certainly reject (a to-many association on a field that is no collection, say)
 * are compile errors on the field; everything else is left to {@code Orm.create}, which checks every mapping.
 *
 * <p>Register it on the annotation processor path; it needs nothing else there. It claims no annotation, so other
 * processors still see {@code @Entity}.
 */
public final class MetamodelProcessor extends AbstractProcessor {
    private static final String GENERATED = "javax.annotation.processing.Generated";

    /** Entities whose metamodel this compilation writes, by qualified name. */
    private final Set<String> entities = new HashSet<>();
    private final Set<String> written = new HashSet<>();
    /** Entities naming a type not generated yet, tried again next round. */
    private final Set<String> deferred = new LinkedHashSet<>();
    private EntityReader reader;

    /** Creates the processor; the compiler does, through the service loader. */
    public MetamodelProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reader = new EntityReader(env.getTypeUtils(), env.getElementUtils());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Annotations.ENTITY);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        var todo = new ArrayList<TypeElement>();
        for (String name : deferred) {
            TypeElement e = processingEnv.getElementUtils().getTypeElement(name);
            if (e != null) {
                todo.add(e);
            }
        }
        deferred.clear();
        for (TypeElement annotation : annotations) {
            if (!annotation.getQualifiedName().contentEquals(Annotations.ENTITY)) {
                continue;
            }
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                if (e.getKind() == ElementKind.CLASS && e instanceof TypeElement entity && accepted(entity)) {
                    todo.add(entity);
                    entities.add(entity.getQualifiedName().toString());
                }
            }
        }
        for (TypeElement entity : todo) {
            generate(entity, round.processingOver());
        }
        return false;
    }

    /** False, with a message, for an entity class the metamodel cannot refer to. */
    private boolean accepted(TypeElement entity) {
        if (entity.getNestingKind() == NestingKind.MEMBER && !entity.getModifiers().contains(Modifier.STATIC)) {
            print(Diagnostic.Kind.ERROR, entity, entity.getSimpleName() + ": an entity class nested in another class "
                    + "must be static (it needs a constructor without arguments)");
            return false;
        }
        String pkg = packageOf(entity);
        if (!reader.accessible(entity, pkg)) {
            print(Diagnostic.Kind.NOTE, entity, entity.getSimpleName() + ": no metamodel, since it cannot refer to "
                    + "the class from its package");
            return false;
        }
        return true;
    }

    private void generate(TypeElement entity, boolean lastRound) {
        String qualified = entity.getQualifiedName().toString();
        if (written.contains(qualified)) {
            return;
        }
        EntityModel model = reader.read(entity);
        if (model.incomplete()) {
            if (!lastRound) {
                deferred.add(qualified); // the compiler reports the unknown type if no round produces it
            }
            return;
        }
        written.add(qualified);
        for (EntityModel.Problem p : model.problems()) {
            print(p.kind(), p.element(), p.message());
        }
        TypeElement parent = model.parent();
        String parentPackage = parent == null ? null : packageOf(parent);
        String parentMetamodel = parent != null && hasMetamodel(parent) ? EntityModel.metamodelName(parent) : null;
        var reservedTypes = new HashSet<String>(Set.of(model.metamodelName()));
        var reservedVariables = new HashSet<String>(Set.of("TABLE"));
        reserve(model.attributes(), reservedTypes, reservedVariables);
        var ancestors = new HashSet<String>();
        TypeElement ancestor = parentMetamodel == null ? null : parent;
        while (ancestor != null && ancestors.add(ancestor.getQualifiedName().toString())) {
            EntityModel inherited = reader.read(ancestor);
            reserve(inherited.attributes(), reservedTypes, reservedVariables);
            ancestor = inherited.parent();
        }
        var names = new TypeNames(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), model.packageName(),
                reservedTypes, reservedVariables);
        String source = new SourceWriter(model, names, parentPackage, parentMetamodel, generatedAnnotation(entity))
                .write();
        String name = model.packageName().isEmpty() ? model.metamodelName()
                : model.packageName() + "." + model.metamodelName();
        try (Writer w = processingEnv.getFiler().createSourceFile(name, model.originating().toArray(Element[]::new))
                .openWriter()) {
            w.write(source);
        } catch (IOException e) {
            print(Diagnostic.Kind.ERROR, entity, entity.getSimpleName() + ": cannot write the metamodel " + name + ": "
                    + e.getMessage());
        }
    }

    /** True when the metamodel of the entity {@code parent} is written now or was compiled before. */
    private boolean hasMetamodel(TypeElement parent) {
        if (entities.contains(parent.getQualifiedName().toString())) {
            return true;
        }
        String pkg = packageOf(parent);
        String name = EntityModel.metamodelName(parent);
        return processingEnv.getElementUtils().getTypeElement(pkg.isEmpty() ? name : pkg + "." + name) != null;
    }

    private static void reserve(List<Attribute> attributes, Set<String> types, Set<String> variables) {
        for (Attribute a : attributes) {
            if (a instanceof Attribute.Embedded e) {
                types.add(e.name());
                reserve(e.members(), types, variables);
            } else {
                variables.add(a.name());
            }
        }
    }

    /** True when {@code @Generated} is visible from the entity's module (a named module must read java.compiler). */
    private boolean generatedAnnotation(TypeElement entity) {
        Elements elements = processingEnv.getElementUtils();
        ModuleElement module = elements.getModuleOf(entity);
        TypeElement generated = module == null || module.isUnnamed() ? elements.getTypeElement(GENERATED)
                : elements.getTypeElement(module, GENERATED);
        return generated != null;
    }

    private String packageOf(TypeElement type) {
        return processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
    }

    private void print(Diagnostic.Kind kind, Element element, String message) {
        processingEnv.getMessager().printMessage(kind, message, element);
    }
}
