/**
 * The SQL expression language ("Core"): {@link dev.vellum.sql.Sql} builds statements, {@link dev.vellum.sql.Table}
 * and {@link dev.vellum.sql.Column} describe the schema in plain Java, {@link dev.vellum.sql.SqlTypes} names the
 * types. Pure Java: nothing here touches JDBC; dialects compile the statements and the engine runs them.
 */
package dev.vellum.sql;
