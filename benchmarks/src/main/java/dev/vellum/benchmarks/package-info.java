/**
 * JMH benchmarks of Vellum against raw JDBC (and jOOQ, for Core inserts; Hibernate, for the ORM). Every Vellum
 * variant has its raw-JDBC baseline in the same class, on a HikariCP pool with the same settings and driver
 * properties as the engine's, both preparing the statement per call as an application does. Run them with
 * {@code ./vellum bench}; see {@code benchmarks/README.md}.
 */
package dev.vellum.benchmarks;
