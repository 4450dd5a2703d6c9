/**
 * The Engine layer: database URLs, DB-API style connections, results and rows, transactions and savepoints, and
 * the mapping of every driver error onto Vellum's one exception tree. Stands on the official JDBC drivers.
 */
module dev.vellum.engine {
    requires transitive dev.vellum.sql;
    requires transitive dev.vellum.dialect;
    requires java.sql;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    requires static micrometer.core;
    requires static org.postgresql.jdbc; // COPY, through internal.driver.PostgresCopy only

    exports dev.vellum.engine;
    exports dev.vellum.engine.internal to dev.vellum.testkit;
}
