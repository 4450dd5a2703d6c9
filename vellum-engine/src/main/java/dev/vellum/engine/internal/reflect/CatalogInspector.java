package dev.vellum.engine.internal.reflect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dev.vellum.engine.Backend;
import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Inspector;
import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedForeignKey;
import dev.vellum.engine.ReflectedIndex;
import dev.vellum.engine.ReflectedPrimaryKey;
import dev.vellum.engine.ReflectedTable;
import dev.vellum.engine.ReflectedUnique;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.sql.MetaData;

/**
 * The {@link Inspector} of an {@link Engine}: resolves names, sorts what the backend's {@link Catalog} reads, and
 * runs each call on a connection of its own from the engine's pool, returned (rolled back) before the call
 * returns. Thread-safe: it keeps nothing but the engine and the stateless catalog.
 */
public final class CatalogInspector implements Inspector {
    private static final int NAMES_IN_MESSAGE = 20;

    private final Engine engine;
    private final Backend backend;
    private final Catalog catalog;

    /** An inspector of what {@code engine} connects to. */
    public CatalogInspector(Engine engine) {
        if (engine == null) {
            throw new InterfaceException("the engine to inspect must not be null");
        }
        this.engine = engine;
        this.backend = engine.url().backend();
        this.catalog = Catalog.of(backend);
    }

    private <R> R read(Function<Connection, R> work) {
        try (Connection conn = engine.connect()) {
            return work.apply(conn);
        }
    }

    @Override
    public List<String> tables() {
        return read(conn -> sorted(catalog.tables(conn)));
    }

    @Override
    public List<String> views() {
        return read(conn -> sorted(catalog.views(conn)));
    }

    @Override
    public boolean hasTable(String table) {
        if (table == null) {
            return false;
        }
        return read(conn -> find(catalog.tables(conn), table) != null);
    }

    @Override
    public List<ReflectedColumn> columns(String table) {
        return read(conn -> catalog.columns(conn, resolve(conn, table)));
    }

    @Override
    public ReflectedPrimaryKey primaryKey(String table) {
        return read(conn -> catalog.primaryKey(conn, resolve(conn, table)));
    }

    @Override
    public List<ReflectedForeignKey> foreignKeys(String table) {
        return read(conn -> foreignKeys(conn, resolve(conn, table)));
    }

    @Override
    public List<ReflectedIndex> indexes(String table) {
        return read(conn -> indexes(conn, resolve(conn, table)));
    }

    @Override
    public List<ReflectedUnique> uniqueConstraints(String table) {
        return read(conn -> uniques(conn, resolve(conn, table)));
    }

    @Override
    public ReflectedTable table(String table) {
        return read(conn -> table(conn, resolve(conn, table)));
    }

    @Override
    public MetaData reflect() {
        return read(conn -> {
            var tables = new ArrayList<ReflectedTable>();
            for (String name : sorted(catalog.tables(conn))) {
                tables.add(table(conn, name));
            }
            return MetaDataBuilder.build(tables, backend);
        });
    }

    // --- on one connection

    private ReflectedTable table(Connection conn, String name) {
        return new ReflectedTable(name, catalog.columns(conn, name), catalog.primaryKey(conn, name),
                foreignKeys(conn, name), indexes(conn, name), uniques(conn, name));
    }

    private List<ReflectedForeignKey> foreignKeys(Connection conn, String table) {
        var keys = new ArrayList<>(catalog.foreignKeys(conn, table));
        keys.sort(Comparator.comparing(ReflectedForeignKey::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(keys);
    }

    private List<ReflectedIndex> indexes(Connection conn, String table) {
        var indexes = new ArrayList<>(catalog.indexes(conn, table));
        indexes.sort(Comparator.comparing(ReflectedIndex::name));
        return List.copyOf(indexes);
    }

    private List<ReflectedUnique> uniques(Connection conn, String table) {
        var uniques = new ArrayList<>(catalog.uniqueConstraints(conn, table));
        uniques.sort(Comparator.comparing(ReflectedUnique::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(uniques);
    }

    private static List<String> sorted(List<String> names) {
        var copy = new ArrayList<>(names);
        copy.sort(Comparator.naturalOrder());
        return List.copyOf(copy);
    }

    /** The stored name of table or view {@code table}, or a {@link ProgrammingException} naming it. */
    private String resolve(Connection conn, String table) {
        if (table == null || table.isEmpty()) {
            throw new InterfaceException("the table name to inspect must not be null or empty");
        }
        var relations = new ArrayList<>(catalog.tables(conn));
        relations.addAll(catalog.views(conn));
        String found = find(relations, table);
        if (found != null) {
            return found;
        }
        List<String> known = sorted(catalog.tables(conn));
        String listed = known.isEmpty() ? "it has no tables"
                : "its tables are " + String.join(", ", known.subList(0, Math.min(known.size(), NAMES_IN_MESSAGE)))
                        + (known.size() > NAMES_IN_MESSAGE ? ", ..." : "");
        String hint = relations.stream().filter(r -> r.equalsIgnoreCase(table)).findFirst()
                .map(r -> " (names are case-sensitive: did you mean " + r + "?)").orElse("");
        throw new ProgrammingException("no table or view named " + table + " in the " + catalog.describe(conn)
                + hint + "; " + listed, DatabaseException.Detail.of(null), null);
    }

    /** {@code name} as stored: an exact match, else on SQLite (names ignore case there) the one that matches. */
    private String find(List<String> names, String name) {
        if (names.contains(name)) {
            return name;
        }
        if (backend == Backend.SQLITE) {
            List<String> matches = names.stream().filter(n -> n.equalsIgnoreCase(name)).toList();
            if (matches.size() == 1) {
                return matches.getFirst();
            }
        }
        return null;
    }
}
