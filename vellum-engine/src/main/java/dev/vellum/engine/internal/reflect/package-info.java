/**
 * Reflection: reading tables, columns, keys and indexes from each database's own catalog (SQLite pragmas,
 * PostgreSQL {@code pg_catalog}, MariaDB {@code information_schema}) behind {@link dev.vellum.engine.Inspector},
 * and building a {@link dev.vellum.sql.MetaData} from what was read. Not API: may change without notice.
 */
package dev.vellum.engine.internal.reflect;
