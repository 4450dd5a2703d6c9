/**
 * What differs between the JDBC drivers: URLs and default properties, binding of Java values, reading of
 * column values, read-only mode. One class per backend. Not API: may change without notice.
 */
package dev.vellum.engine.internal.driver;
