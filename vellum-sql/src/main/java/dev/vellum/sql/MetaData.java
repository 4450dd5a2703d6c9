package dev.vellum.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vellum.error.InterfaceException;

/**
 * A collection of tables, created and dropped together ({@code engine.createAll(metadata)}), as in SQLAlchemy.
 * Tables register themselves when constructed. Define tables on one thread; reading is thread-safe after that.
 *
 * @since 0.1
 */
public final class MetaData {
    private final Map<String, Table> tables = new LinkedHashMap<>();

    /** An empty collection. */
    public MetaData() {
    }

    synchronized void register(Table table) {
        String key = key(table.schema(), table.name());
        if (tables.containsKey(key)) {
            throw new InterfaceException("this MetaData already has a table named " + key);
        }
        tables.put(key, table);
    }

    /** The tables, in definition order. */
    public synchronized List<Table> tables() {
        return List.copyOf(tables.values());
    }

    /** The table named {@code name} (in the default schema). */
    public synchronized Table table(String name) {
        Table t = tables.get(key(null, name));
        if (t == null) {
            throw new InterfaceException("no table named " + name + " in this MetaData; it has " + tables.keySet());
        }
        return t;
    }

    /**
     * The tables in foreign-key dependency order: every table after the tables it references (self-references
     * and cycles are ignored for ordering). Creation uses this order, dropping its reverse.
     */
    public synchronized List<Table> sortedTables() {
        return dependencyOrder(tables.values());
    }

    /**
     * {@code tables} in foreign-key dependency order: every table after those of {@code tables} it references
     * (references to other tables, self-references and cycles are ignored for ordering).
     */
    public static List<Table> dependencyOrder(Collection<? extends Table> tables) {
        Set<Table> done = new LinkedHashSet<>();
        Set<Table> visiting = new LinkedHashSet<>();
        Set<Table> among = Collections.newSetFromMap(new IdentityHashMap<>());
        among.addAll(tables);
        for (Table t : tables) {
            visit(t, among, done, visiting);
        }
        return new ArrayList<>(done);
    }

    private static void visit(Table table, Set<Table> among, Set<Table> done, Set<Table> visiting) {
        if (done.contains(table) || !visiting.add(table)) {
            return;
        }
        for (ForeignKey fk : table.foreignKeys()) {
            Table parent = fk.referencedTable();
            if (parent != table && among.contains(parent)) {
                visit(parent, among, done, visiting);
            }
        }
        visiting.remove(table);
        done.add(table);
    }

    private static String key(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }
}
