/**
 * The ORM's machinery: mappings read from annotations, the session's identity map, loader and unit of work. Not
 * API: may change without notice.
 */
package dev.vellum.orm.internal;
