/**
 * Dialects: {@link dev.vellum.dialect.Dialect} compiles a statement of the SQL expression language to SQL text and
 * ordered binds for one database; {@link dev.vellum.dialect.Dialects} names the built-in ones.
 */
package dev.vellum.dialect;
