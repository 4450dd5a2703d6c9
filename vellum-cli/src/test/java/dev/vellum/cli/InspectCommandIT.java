package dev.vellum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/**
 * {@code vellum inspect} on every database, in-process: the text, JSON and Mermaid views of two tables joined by
 * a foreign key with ON DELETE CASCADE, a unique constraint, a multi-column index and a default.
 */
class InspectCommandIT {
    private static final List<String> DDL = List.of(
            "CREATE TABLE inspect_customer (id {pk}, email VARCHAR(100) NOT NULL,"
                    + " CONSTRAINT uq_inspect_customer_email UNIQUE (email))",
            "CREATE TABLE inspect_order (id {pk}, customer_id BIGINT NOT NULL, total NUMERIC(10, 2) DEFAULT 0 NOT NULL,"
                    + " CONSTRAINT fk_inspect_order_customer FOREIGN KEY (customer_id)"
                    + " REFERENCES inspect_customer (id) ON DELETE CASCADE)",
            "CREATE INDEX ix_inspect_order_customer ON inspect_order (customer_id, total)");

    private static void run(TestDatabase db, List<String> statements) {
        try (Connection conn = db.connect()) {
            for (String sql : statements) {
                conn.execute(db.ddl(sql));
            }
            conn.commit();
        }
    }

    private static void drop(TestDatabase db) {
        run(db, List.of("DROP TABLE IF EXISTS inspect_order", "DROP TABLE IF EXISTS inspect_customer"));
    }

    @DatabaseTest
    void textJsonAndMermaidShowTheSchema(TestDatabase db) {
        drop(db);
        run(db, DDL);
        try {
            String url = db.url().render(false);
            CliRun text = CliRun.of("inspect", url);
            assertThat(text.err()).isEmpty();
            assertThat(text.exit()).isZero();
            List<String> lines = text.outLines();
            assertThat(lines.getFirst()).isEqualTo(db.url() + ": 2 tables, 0 views");
            assertThat(lines).contains("table inspect_customer", "table inspect_order",
                    "  unique uq_inspect_customer_email (email)",
                    "  primary key " + (db.db() == TestDb.POSTGRESQL ? "inspect_order_pkey " : "") + "(id)",
                    "  foreign key fk_inspect_order_customer (customer_id) references inspect_customer (id)"
                            + " on delete CASCADE" + (db.db() == TestDb.MARIADB ? " on update RESTRICT" : ""),
                    "  index ix_inspect_order_customer (customer_id, total)");
            String zero = db.db() == TestDb.MARIADB ? "0.00" : "0";
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  total ")
                    .endsWith("  NOT NULL  DEFAULT " + zero));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  id ").endsWith("autoincrement"));

            CliRun json = CliRun.of("inspect", "--format", "json", url);
            assertThat(json.exit()).isZero();
            assertThat(json.out()).startsWith("{\n  \"url\": \"" + db.url() + "\",\n  \"backend\": \""
                    + db.db().id() + "\",\n").contains(
                    "\"name\": \"fk_inspect_order_customer\",\n"
                            + "          \"columns\": [\"customer_id\"],\n"
                            + "          \"referredSchema\": null,\n"
                            + "          \"referredTable\": \"inspect_customer\",\n"
                            + "          \"referredColumns\": [\"id\"],\n"
                            + "          \"onDelete\": \"CASCADE\",",
                    "\"vellumType\": \"NUMERIC(10, 2)\",\n"
                            + "          \"nullable\": false,\n"
                            + "          \"default\": \"" + zero + "\",",
                    "\"views\": []");

            CliRun mermaid = CliRun.of("inspect", url, "-f", "mermaid");
            assertThat(mermaid.exit()).isZero();
            assertThat(mermaid.outLines()).startsWith("erDiagram", "    inspect_customer {")
                    .contains("    }", "    inspect_customer ||..o{ inspect_order : \"fk_inspect_order_customer\"")
                    .anySatisfy(line -> assertThat(line).matches("        \\S+ customer_id FK"))
                    .anySatisfy(line -> assertThat(line).matches("        \\S+ email UK"));
        } finally {
            drop(db);
        }
    }

    @DatabaseTest
    void aDatabaseThatIsNotThereIsOneLine(TestDatabase db) {
        String url = switch (db.db()) {
            case SQLITE -> "sqlite:///" + Path.of(db.url().database()).resolveSibling("vellum_no_such_db.db");
            case POSTGRESQL -> db.url().render(false).replace("/test", "/vellum_no_such_db");
            case MARIADB -> db.url().render(false).replace("/" + db.schema(), "/vellum_no_such_db");
        };
        CliRun run = CliRun.of("inspect", url);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains("vellum_no_such_db").doesNotContain("\tat ");
    }
}
