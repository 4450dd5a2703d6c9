/**
 * The public, immutable AST of SQL statements: sealed interfaces and records that dialects compile with
 * exhaustive switches and that tools may walk. The builders in {@link dev.vellum.sql} create these nodes; every
 * "modifying" method returns a new node.
 */
package dev.vellum.sql.ast;
