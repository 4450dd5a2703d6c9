/**
 * The engine's implementation: connection, result and row classes, bind parsing, value conversion, error
 * mapping and resource tracking. Not API: may change without notice.
 */
package dev.vellum.engine.internal;
