package dev.vellum.engine;

import java.util.List;

import dev.vellum.sql.MetaData;

/**
 * Reads what a database holds (SQLAlchemy's {@code Inspector}): its tables and views, and each table's columns,
 * keys, indexes and unique constraints, from {@link Engine#inspector()}. {@link #reflect()} turns all of it into a
 * {@link MetaData} of {@link dev.vellum.sql.Table}s that work in the DSL like hand-written ones, for tools that
 * meet a schema they did not define: a migration diff, a data browser, {@code vellum inspect}.
 *
 * <pre>{@code
 * Inspector inspector = engine.inspector();
 * for (String table : inspector.tables()) {
 *     System.out.println(table + " " + inspector.primaryKey(table).columns());
 * }
 * MetaData md = engine.reflect();                          // the same as engine.inspector().reflect()
 * Table track = md.table("track");
 * conn.execute(select(track.column("name")).from(track));
 * }</pre>
 *
 * <p><b>What is read.</b> The catalogs themselves, where JDBC's {@code DatabaseMetaData} is vague or slow: SQLite's
 * {@code pragma_table_info}, {@code pragma_foreign_key_list}, {@code pragma_index_list} and
 * {@code pragma_index_info} (and the {@code CREATE TABLE} text for constraint names, which the pragmas omit);
 * PostgreSQL's {@code pg_catalog}, for the connection's current schema only; MariaDB's {@code information_schema},
 * for the current database only. SQLite's own tables ({@code sqlite_sequence}, {@code sqlite_stat1}) and automatic
 * indexes ({@code sqlite_autoindex_*}) are left out. Names are exact: on SQLite, whose names ignore case, a name
 * that differs from one table's only in case finds that table. Lists of tables, views, foreign keys, indexes and
 * unique constraints are sorted by name; unnamed ones (SQLite's) come last, in declaration order.
 *
 * <p><b>Indexes and unique constraints.</b> {@link #indexes(String)} leaves out the indexes that exist only to
 * back the primary key or a unique constraint; those constraints are reported by {@link #primaryKey(String)} and
 * {@link #uniqueConstraints(String)}. MariaDB does not tell a {@code UNIQUE} constraint from a unique index (both
 * are a unique key), so there every unique key is a unique constraint. MariaDB also creates an index for a
 * foreign key that has none; it is reported like any other index.
 *
 * <p><b>Types</b> map back to {@link dev.vellum.sql.SqlTypes} as follows; the database's own spelling is kept in
 * {@link ReflectedColumn#typeName()}.
 * <ul>
 *   <li>Integers: {@code smallint}/{@code tinyint} → {@code SMALLINT}, {@code integer}/{@code int}/{@code
 *       mediumint} → {@code INTEGER}, {@code bigint} → {@code BIGINT}; MariaDB {@code unsigned} types widen one
 *       step ({@code bigint unsigned} → {@code numeric(20, 0)}); MariaDB {@code tinyint(1)} (what
 *       {@code BOOLEAN} is there) → {@code BOOLEAN}.</li>
 *   <li>{@code numeric}/{@code decimal(p, s)} → {@code numeric(p, s)}; {@code real}/{@code float4}, MariaDB
 *       {@code float} → {@code REAL}; {@code double precision}/{@code float8}/{@code double}, SQLite
 *       {@code FLOAT} → {@code DOUBLE}.</li>
 *   <li>{@code varchar(n)}, {@code char(n)} (padding is not modelled), MariaDB {@code enum} (by its longest
 *       label) → {@code varchar(n)}; {@code text} of every size, {@code varchar} without a length → {@code
 *       TEXT}.</li>
 *   <li>{@code boolean} → {@code BOOLEAN}; {@code date}, {@code time} → {@code DATE}, {@code TIME};
 *       {@code timestamp}, {@code datetime} → {@code TIMESTAMP}; PostgreSQL {@code timestamptz} → {@code
 *       TIMESTAMP_TZ} (MariaDB and SQLite store {@code TIMESTAMP_TZ} as a plain timestamp, so it comes back as
 *       {@code TIMESTAMP} there).</li>
 *   <li>{@code uuid} → {@code UUID_TYPE}; {@code json} (on MariaDB: {@code longtext} with its {@code json_valid}
 *       check) → {@code JSON}; {@code jsonb} → {@code JSONB}; {@code bytea}, {@code blob} of every size,
 *       {@code binary}, {@code varbinary} → {@code BYTES}; a PostgreSQL array of a known type → {@code
 *       arrayOf(element)}.</li>
 *   <li>SQLite declared types not named above follow SQLite's affinity rules: containing {@code INT} →
 *       {@code BIGINT}, {@code CHAR}/{@code CLOB}/{@code TEXT} → {@code TEXT}, {@code BLOB} → {@code BYTES},
 *       {@code REAL}/{@code FLOA}/{@code DOUB} → {@code DOUBLE}.</li>
 *   <li>Anything else (PostgreSQL {@code interval}, {@code inet}, user enums and domains; MariaDB {@code set},
 *       {@code bit}, {@code year}, geometry; an SQLite column without a type) → {@code TEXT}: the values can
 *       still be read, as text or as the driver gives them.</li>
 * </ul>
 *
 * <p><b>Errors.</b> A name that is not a table or view of the inspected schema is a
 * {@link dev.vellum.error.ProgrammingException} naming it; catalog queries fail as any statement does.
 *
 * <p><b>Resources.</b> Each method checks a connection out of the engine's pool, reads, and returns it (rolled
 * back) before returning, so nothing stays open. Nothing is cached: every call reads the catalog afresh, so a
 * table created a moment ago is seen. {@link #table(String)} and {@link #reflect()} read everything on one
 * connection.
 *
 * <p>Thread-safe: an inspector holds no state of its own besides its engine.
 *
 * @since 0.1
 */
public interface Inspector {
    /** The tables of the inspected schema (not views), sorted by name. */
    List<String> tables();

    /** The views (PostgreSQL: materialized ones too), sorted by name. */
    List<String> views();

    /** True when {@code table} names a table of the inspected schema (exactly, or on SQLite ignoring case). */
    boolean hasTable(String table);

    /**
     * The columns of a table or view, in table order.
     *
     * @throws dev.vellum.error.ProgrammingException when there is no such table or view
     */
    List<ReflectedColumn> columns(String table);

    /**
     * The primary key; its column list is empty when the table has none.
     *
     * @throws dev.vellum.error.ProgrammingException when there is no such table or view
     */
    ReflectedPrimaryKey primaryKey(String table);

    /**
     * The foreign keys the table declares (not the ones that point at it).
     *
     * @throws dev.vellum.error.ProgrammingException when there is no such table or view
     */
    List<ReflectedForeignKey> foreignKeys(String table);

    /**
     * The indexes, without those that back the primary key or a unique constraint.
     *
     * @throws dev.vellum.error.ProgrammingException when there is no such table or view
     */
    List<ReflectedIndex> indexes(String table);

    /**
     * The unique constraints (on MariaDB: every unique key).
     *
     * @throws dev.vellum.error.ProgrammingException when there is no such table or view
     */
    List<ReflectedUnique> uniqueConstraints(String table);

    /**
     * All of the above for one table, read on one connection.
     *
     * @throws dev.vellum.error.ProgrammingException when there is no such table or view
     */
    ReflectedTable table(String table);

    /**
     * Every table of the inspected schema as a new {@link MetaData}: one {@link dev.vellum.sql.Table} per table
     * (views are left out), with its columns, types, nullability, autoincrement, primary key, foreign keys,
     * unique constraints and indexes, usable in statements and in {@code engine.createAll}. Read on one
     * connection.
     *
     * <p>What a {@code Table} cannot hold is left out of it (it stays visible through the other methods): a
     * default that is not a plain literal of the column's type or {@code CURRENT_TIMESTAMP} on a timestamp column,
     * autoincrement on a column whose type is not an integer (MariaDB {@code bigint unsigned}), expression
     * indexes, and foreign keys to tables outside the inspected schema.
     */
    MetaData reflect();
}
