package dev.vellum.orm.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * How the generated source names types: imported simple names where that is unambiguous, qualified names where it is
 * not. Used in two passes over the same source: the first collects every type referred to, {@link #freeze()} decides
 * which simple names are safe (one type per simple name, none hidden by a nested class of the metamodel, and the
 * {@code java.lang} ones not shadowed by a class of the package), the second writes the names. Type variables, which a
 * static constant cannot mention, become their erasure or a wildcard; raw types get wildcards.
 */
final class TypeNames {
    private final Elements elements;
    private final Types types;
    private final String pkg;
    private final Set<String> reservedTypes;
    private final Set<String> reservedVariables;
    /** Top-level types referred to, by simple name, then qualified name to package. */
    private final Map<String, Map<String, String>> seen = new HashMap<>();
    private final Set<String> simple = new HashSet<>();
    private final Set<String> imports = new TreeSet<>();
    private boolean frozen;

    /**
     * Names for a source in package {@code pkg}.
     *
     * @param reservedTypes simple names of classes declared in the metamodel or inherited by it, which would hide
     *     imported types
     * @param reservedVariables names of its constants, which would obscure a type used as a qualifier
     */
    TypeNames(Elements elements, Types types, String pkg, Set<String> reservedTypes, Set<String> reservedVariables) {
        this.elements = elements;
        this.types = types;
        this.pkg = pkg;
        this.reservedTypes = reservedTypes;
        this.reservedVariables = reservedVariables;
    }

    /** The name of {@code type} where a type is expected. */
    String type(TypeElement type) {
        var nested = new StringBuilder();
        TypeElement top = type;
        while (top.getNestingKind() == NestingKind.MEMBER && top.getEnclosingElement() instanceof TypeElement outer) {
            nested.insert(0, "." + top.getSimpleName());
            top = outer;
        }
        return type(elements.getPackageOf(top).getQualifiedName().toString(), top.getSimpleName().toString())
                + nested;
    }

    /** The name of the top-level class {@code simpleName} of package {@code packageName} where a type is expected. */
    String type(String packageName, String simpleName) {
        String qualified = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
        if (!frozen) {
            seen.computeIfAbsent(simpleName, k -> new LinkedHashMap<>()).put(qualified, packageName);
        }
        return simple.contains(qualified) ? simpleName : qualified;
    }

    /** The name of a top-level class as the qualifier of a method call, where a constant's name would obscure it. */
    String qualifier(String packageName, String simpleName) {
        if (reservedVariables.contains(simpleName) && !packageName.isEmpty()) {
            return packageName + "." + simpleName;
        }
        return type(packageName, simpleName);
    }

    /** {@code type} as a type argument or variable type: no type variables, raw types with wildcards. */
    String generic(TypeMirror type) {
        return plain(containsTypeVariable(type) ? types.erasure(type) : type);
    }

    /** The erasure of {@code type}, as it is written before {@code .class}. */
    String raw(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        return switch (erased.getKind()) {
            case ARRAY -> raw(((ArrayType) erased).getComponentType()) + "[]";
            case DECLARED -> type((TypeElement) ((DeclaredType) erased).asElement());
            default -> erased.toString();
        };
    }

    /** True when the class literal of {@code type} needs an unchecked cast to {@code Class<generic(type)>}. */
    boolean needsCast(TypeMirror type) {
        return generic(type).contains("<");
    }

    /** An expression of type {@code Class<generic(type)>}: the class literal, cast when {@code type} is generic. */
    String classLiteral(TypeMirror type) {
        String literal = raw(type) + ".class";
        if (!needsCast(type)) {
            return literal;
        }
        String c = type("java.lang", "Class");
        return "(" + c + "<" + generic(type) + ">) (" + c + "<?>) " + literal;
    }

    private String plain(TypeMirror type) {
        return switch (type.getKind()) {
            case ARRAY -> plain(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED -> {
                var d = (DeclaredType) type;
                var e = (TypeElement) d.asElement();
                var args = new ArrayList<String>();
                for (TypeMirror a : d.getTypeArguments()) {
                    args.add(containsTypeVariable(a) ? "?" : plain(a));
                }
                if (args.isEmpty()) {
                    e.getTypeParameters().forEach(p -> args.add("?"));
                }
                yield type(e) + (args.isEmpty() ? "" : "<" + String.join(", ", args) + ">");
            }
            case WILDCARD -> {
                var w = (WildcardType) type;
                yield w.getExtendsBound() != null ? "? extends " + plain(w.getExtendsBound())
                        : w.getSuperBound() != null ? "? super " + plain(w.getSuperBound()) : "?";
            }
            default -> type.toString();
        };
    }

    private static boolean containsTypeVariable(TypeMirror type) {
        return switch (type.getKind()) {
            case TYPEVAR, INTERSECTION, UNION -> true;
            case ARRAY -> containsTypeVariable(((ArrayType) type).getComponentType());
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream()
                    .anyMatch(TypeNames::containsTypeVariable);
            case WILDCARD -> {
                var w = (WildcardType) type;
                yield w.getExtendsBound() != null && containsTypeVariable(w.getExtendsBound())
                        || w.getSuperBound() != null && containsTypeVariable(w.getSuperBound());
            }
            default -> type.getKind() == TypeKind.ERROR;
        };
    }

    /** Ends the collecting pass: decides which classes the second pass names by their simple name. */
    void freeze() {
        frozen = true;
        for (var e : seen.entrySet()) {
            String simpleName = e.getKey();
            if (e.getValue().size() != 1 || reservedTypes.contains(simpleName)) {
                continue;
            }
            var only = e.getValue().entrySet().iterator().next();
            String qualified = only.getKey();
            String packageName = only.getValue();
            if (packageName.equals(pkg)) {
                simple.add(qualified);
            } else if (packageName.equals("java.lang")) {
                if (!declaredInPackage(simpleName)) {
                    simple.add(qualified);
                }
            } else if (!packageName.isEmpty()) {
                imports.add(qualified);
                simple.add(qualified);
            }
        }
    }

    private boolean declaredInPackage(String simpleName) {
        Element local = elements.getTypeElement(pkg.isEmpty() ? simpleName : pkg + "." + simpleName);
        return local != null;
    }

    /** The import declarations: {@code java.*}, {@code javax.*}, then the others, groups apart by a blank line. */
    List<String> importLines() {
        var groups = new ArrayList<List<String>>(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        for (String i : imports) {
            int group = i.startsWith("java.") ? 0 : i.startsWith("javax.") ? 1 : 2;
            groups.get(group).add("import " + i + ";");
        }
        var lines = new ArrayList<String>();
        for (List<String> g : groups) {
            if (!g.isEmpty()) {
                if (!lines.isEmpty()) {
                    lines.add("");
                }
                lines.addAll(g);
            }
        }
        return lines;
    }
}
