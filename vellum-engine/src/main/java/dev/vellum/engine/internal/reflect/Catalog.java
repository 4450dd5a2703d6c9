package dev.vellum.engine.internal.reflect;

import java.util.List;

import dev.vellum.engine.Backend;
import dev.vellum.engine.Connection;
import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedForeignKey;
import dev.vellum.engine.ReflectedIndex;
import dev.vellum.engine.ReflectedPrimaryKey;
import dev.vellum.engine.ReflectedUnique;

/**
 * One database's catalog queries. Every method runs on the connection it is given and closes what it opens
 * (each query is read to the end); table names are exact, already resolved by {@link CatalogInspector}. Results
 * come in whatever order the queries give; the inspector sorts them. Stateless, thread-safe.
 */
interface Catalog {
    /** The catalog for {@code backend}. */
    static Catalog of(Backend backend) {
        return switch (backend) {
            case SQLITE -> new SqliteCatalog();
            case POSTGRESQL -> new PostgresCatalog();
            case MARIADB -> new MariaDbCatalog();
        };
    }

    /** The base tables of the inspected schema. */
    List<String> tables(Connection conn);

    /** The views of the inspected schema. */
    List<String> views(Connection conn);

    /** Where the inspector looks, in words, for error messages: "schema app", "database shop". */
    String describe(Connection conn);

    /** The columns of a table or view, in table order. */
    List<ReflectedColumn> columns(Connection conn, String table);

    /** The primary key (empty columns when none). */
    ReflectedPrimaryKey primaryKey(Connection conn, String table);

    /** The foreign keys the table declares. */
    List<ReflectedForeignKey> foreignKeys(Connection conn, String table);

    /** The indexes that back neither the primary key nor a unique constraint. */
    List<ReflectedIndex> indexes(Connection conn, String table);

    /** The unique constraints. */
    List<ReflectedUnique> uniqueConstraints(Connection conn, String table);
}
