/**
 * Test support: {@link dev.vellum.testkit.DatabaseTest} methods take a {@link dev.vellum.testkit.TestDatabase}
 * and run once per database selected with {@code -Dvellum.test.dbs} (default: all of {@link
 * dev.vellum.testkit.TestDb}). A selected database that cannot be reached fails its tests with a message naming
 * it; nothing is silently skipped.
 */
package dev.vellum.testkit;
