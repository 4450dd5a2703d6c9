/**
 * Dialects: compile Vellum's SQL AST to SQL text plus ordered bind values for SQLite, PostgreSQL and MariaDB.
 * Needs no driver; the engine runs what this module compiles.
 */
module dev.vellum.dialect {
    requires transitive dev.vellum.sql;

    exports dev.vellum.dialect;
    exports dev.vellum.dialect.spi;
}
