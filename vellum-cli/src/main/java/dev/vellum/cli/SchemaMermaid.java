package dev.vellum.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedForeignKey;
import dev.vellum.engine.ReflectedTable;
import dev.vellum.engine.ReflectedUnique;

/**
 * {@code vellum inspect --format mermaid}: a Mermaid {@code erDiagram} of the tables (views are left out). Each
 * table lists its columns as {@code type name} with {@code PK}, {@code FK} and {@code UK} markers; each foreign key
 * is a relationship from the referenced table to the referencing one, named after the key: exactly one parent
 * ({@code ||}) when the key's columns are NOT NULL, else zero or one ({@code |o}); zero or one child ({@code o|})
 * when they are the child's primary key or a unique constraint, else zero or more (<code>o{</code>); a solid line when
 * they are part of the child's primary key (an identifying relationship), else dotted. Types and names are reduced
 * to the characters Mermaid accepts (letters, digits, {@code _}, {@code -}, parentheses and brackets).
 */
final class SchemaMermaid {
    private SchemaMermaid() {
    }

    static String render(InspectCommand.Schema schema) {
        var out = new StringBuilder("erDiagram\n");
        for (ReflectedTable table : schema.tables()) {
            out.append("    ").append(name(table.name())).append(" {\n");
            Set<String> keyed = new HashSet<>();
            table.foreignKeys().forEach(fk -> keyed.addAll(fk.columns()));
            Set<String> unique = new HashSet<>();
            table.uniqueConstraints().stream().filter(u -> u.columns().size() == 1)
                    .forEach(u -> unique.add(u.columns().getFirst()));
            for (ReflectedColumn c : table.columns()) {
                out.append("        ").append(type(c)).append(' ').append(name(c.name()));
                var markers = new StringBuilder();
                marker(markers, table.primaryKey().columns().contains(c.name()), "PK");
                marker(markers, keyed.contains(c.name()), "FK");
                marker(markers, unique.contains(c.name()), "UK");
                out.append(markers).append('\n');
            }
            out.append("    }\n");
        }
        for (ReflectedTable table : schema.tables()) {
            for (ReflectedForeignKey fk : table.foreignKeys()) {
                out.append("    ").append(name(fk.referredTable())).append(' ').append(parent(table, fk))
                        .append(identifying(table, fk) ? "--" : "..").append(child(table, fk)).append(' ')
                        .append(name(table.name())).append(" : \"")
                        .append(fk.name() != null ? fk.name() : String.join(", ", fk.columns()))
                        .append("\"\n");
            }
        }
        return out.toString();
    }

    private static void marker(StringBuilder markers, boolean on, String marker) {
        if (on) {
            markers.append(markers.isEmpty() ? " " : ", ").append(marker);
        }
    }

    /** {@code ||} when every key column is NOT NULL (a child always has its parent), else {@code |o}. */
    private static String parent(ReflectedTable table, ReflectedForeignKey fk) {
        boolean required = fk.columns().stream().map(table::column).allMatch(c -> c != null && !c.nullable());
        return required ? "||" : "|o";
    }

    /** {@code o|} when the key's columns are unique in the child (one child at most), else <code>o{</code>. */
    private static String child(ReflectedTable table, ReflectedForeignKey fk) {
        Set<String> columns = Set.copyOf(fk.columns());
        boolean unique = Set.copyOf(table.primaryKey().columns()).equals(columns)
                || table.uniqueConstraints().stream().map(ReflectedUnique::columns).map(Set::copyOf)
                        .anyMatch(columns::equals)
                || table.indexes().stream().filter(i -> i.unique()).map(i -> Set.copyOf(i.columns()))
                        .anyMatch(columns::equals);
        return unique ? "o|" : "o{";
    }

    private static boolean identifying(ReflectedTable table, ReflectedForeignKey fk) {
        List<String> key = table.primaryKey().columns();
        return !key.isEmpty() && key.containsAll(fk.columns());
    }

    private static String type(ReflectedColumn c) {
        String type = c.typeName().isBlank() ? "any" : c.typeName().strip();
        String clean = type.replaceAll("[^A-Za-z0-9_()\\[\\]-]+", "_");
        return Character.isLetter(clean.charAt(0)) ? clean : "t" + clean;
    }

    /** A table or column name Mermaid accepts as a bare word. */
    private static String name(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return clean.isEmpty() || !Character.isLetter(clean.charAt(0)) && clean.charAt(0) != '_' ? "_" + clean
                : clean;
    }
}
