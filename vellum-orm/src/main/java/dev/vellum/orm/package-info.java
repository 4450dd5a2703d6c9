/**
 * The ORM: plain classes mapped with the standard {@code jakarta.persistence} annotations (Vellum is not a JPA
 * provider, it reads them as Ebean does), an {@link dev.vellum.orm.Orm} that checks every mapping at start-up, and
 * {@link dev.vellum.orm.Session}s with an identity map, a unit of work in foreign-key order and relationships that
 * load in batches, never one query per object.
 */
package dev.vellum.orm;
