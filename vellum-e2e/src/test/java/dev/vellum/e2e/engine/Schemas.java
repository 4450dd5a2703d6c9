package dev.vellum.e2e.engine;

import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Row;
import dev.vellum.testkit.TestDatabase;

/** What is in a test schema, to prove a statement changed nothing it should not have. */
final class Schemas {
    private Schemas() {
    }

    /** The names of the tables in the connection's schema, sorted. */
    static List<String> tables(TestDatabase db, Connection conn) {
        String sql = switch (db.db()) {
            case SQLITE -> "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            case POSTGRESQL -> "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1";
            case MARIADB -> "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1";
        };
        var result = db.db() == dev.vellum.testkit.TestDb.SQLITE ? conn.execute(sql) : conn.execute(sql, db.schema());
        return result.all().stream().map(r -> r.get(0, String.class)).toList();
    }

    /** A statement that runs for seconds unless cancelled. */
    static String slowQuery(TestDatabase db) {
        return switch (db.db()) {
            case SQLITE -> "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c";
            case POSTGRESQL -> "SELECT pg_sleep(10)";
            case MARIADB -> "SELECT SLEEP(10)";
        };
    }

    /** The number of rows in {@code table}. */
    static long count(Connection conn, String table) {
        Row row = conn.execute("SELECT COUNT(*) FROM " + table).one();
        return row.get(0, Long.class);
    }
}
