package dev.vellum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vellum.engine.Connection;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;

/**
 * {@code vellum sql} on every database: the table it prints, changes persisting in autocommit mode, one-line
 * errors for bad SQL, bad URLs and refused connections, and scripts read from standard input.
 */
class SqlCommandIT {
    private static final String STACK_FRAME = "\tat ";

    @DatabaseTest
    void queryPrintsAnAlignedTable(TestDatabase db) {
        try (Connection conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE people (id {pk}, name {text}, score INTEGER)"));
            conn.execute("INSERT INTO people (id, name, score) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)",
                    1, "Ada", 100, 2, "Bartholomew", null, 3, null, 7);
            conn.commit();
        }
        try {
            CliRun run = CliRun.of("sql", url(db), "SELECT id, name, score FROM people ORDER BY id");

            assertThat(run.exit()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.outLines()).containsExactly(
                    " id | name        | score",
                    "----+-------------+-------",
                    "  1 | Ada         |   100",
                    "  2 | Bartholomew |  NULL",
                    "  3 | NULL        |     7",
                    "(3 rows)");

            CliRun empty = CliRun.of("sql", url(db), "SELECT name FROM people WHERE id = 99");
            assertThat(empty.outLines()).containsExactly(" name", "------", "(0 rows)");
            assertThat(CliRun.of("sql", url(db), "SELECT name FROM people WHERE id = 1").outLines())
                    .containsExactly(" name", "------", " Ada", "(1 row)");
        } finally {
            drop(db, "people");
        }
    }

    @DatabaseTest
    void lineBreaksInValuesAreEscaped(TestDatabase db) {
        try (Connection conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE notes (id {pk}, body {text})"));
            conn.execute("INSERT INTO notes (id, body) VALUES (?, ?)", 1, "two\nlines\tand a tab");
            conn.commit();
        }
        try {
            assertThat(CliRun.of("sql", url(db), "SELECT id, body FROM notes").outLines()).containsExactly(
                    " id | body",
                    "----+" + "-".repeat("two\\nlines\\tand a tab".length() + 2),
                    "  1 | two\\nlines\\tand a tab",
                    "(1 row)");
        } finally {
            drop(db, "notes");
        }
    }

    @DatabaseTest
    void insertReportsOneRowAndPersists(TestDatabase db) {
        try (Connection conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE items (id {pk}, name {text})"));
            conn.commit();
        }
        try {
            CliRun run = CliRun.of("sql", url(db), "INSERT INTO items (id, name) VALUES (10, 'Zed')");

            assertThat(run.exit()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.outLines()).containsExactly("1 row affected");
            try (Connection conn = db.connect()) {
                assertThat(conn.execute("SELECT name FROM items WHERE id = ?", 10).scalar()).isEqualTo("Zed");
                conn.commit();
            }
        } finally {
            drop(db, "items");
        }
    }

    @DatabaseTest
    void syntaxErrorIsOneLine(TestDatabase db) {
        CliRun run = CliRun.of("sql", url(db), "SELEC 1");

        assertOneErrorLine(run, "error: ProgrammingException: ");
        assertThat(run.out()).isEmpty();
    }

    @DatabaseTest
    void unknownTableIsOneLine(TestDatabase db) {
        CliRun run = CliRun.of("sql", url(db), "SELECT * FROM no_such_table");

        assertOneErrorLine(run, "error: ProgrammingException: ");
        assertThat(run.err()).contains("no_such_table");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownSchemeIsOneClearLine() {
        CliRun run = CliRun.of("sql", "nosuch://x", "SELECT 1");

        assertOneErrorLine(run, "error: InterfaceException: ");
        assertThat(run.err()).contains("unknown database 'nosuch'").contains("sqlite");
    }

    @Test
    void badPortIsOneClearLine() {
        CliRun run = CliRun.of("sql", "postgresql://u@127.0.0.1:notaport/db", "SELECT 1");

        assertOneErrorLine(run, "error: InterfaceException: ");
        assertThat(run.err()).contains("notaport");
    }

    @Test
    void refusedConnectionNamesTheAddress() {
        CliRun run = CliRun.of("sql", "postgresql://postgres@127.0.0.1:1/test", "SELECT 1");

        assertOneErrorLine(run, "error: OperationalException: ");
        assertThat(run.err()).contains("127.0.0.1:1");
    }

    @DatabaseTest
    void scriptFromStandardInputReportsTheFailingStatementAndGoesOn(TestDatabase db) {
        try (Connection conn = db.connect()) {
            conn.execute(db.ddl("CREATE TABLE script_items (id {pk}, name {text})"));
            conn.commit();
        }
        try {
            String script = """
                    INSERT INTO script_items (id, name) VALUES (1, 'one');
                    INSERT INTO script_items (id, name)
                    VALUES (2, 'two')

                    SELEC oops;
                    SELECT id, name
                      FROM script_items ORDER BY id;
                    \\q
                    SELECT 'never' AS after_quit;
                    """;
            CliRun run = CliRun.withInput(script, "sql", url(db));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.outLines()).containsExactly(
                    "1 row affected",
                    "1 row affected",
                    " id | name",
                    "----+------",
                    "  1 | one",
                    "  2 | two",
                    "(2 rows)");
            assertOneErrorLine(run, "error: ProgrammingException: ");
            assertThat(run.err()).contains("SELEC oops");
        } finally {
            drop(db, "script_items");
        }
    }

    @DatabaseTest
    void cleanScriptExitsZero(TestDatabase db) {
        String script = "SELECT 1 AS one;\nSELECT 'a' AS letter\n\n\n";
        CliRun run = CliRun.withInput(script, "sql", url(db));

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly(
                " one", "-----", "   1", "(1 row)",
                " letter", "--------", " a", "(1 row)");
    }

    @DatabaseTest
    void scriptWithoutFinalTerminatorRunsItsLastStatement(TestDatabase db) {
        CliRun run = CliRun.withInput("SELECT 2 AS two", "sql", url(db));

        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).containsExactly(" two", "-----", "   2", "(1 row)");
    }

    private static String url(TestDatabase db) {
        return db.url().render(false);
    }

    private static void assertOneErrorLine(CliRun run, String prefix) {
        assertThat(run.exit()).isEqualTo(1);
        List<String> lines = run.errLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith(prefix).doesNotContain(STACK_FRAME);
        assertThat(run.err()).doesNotContain(STACK_FRAME);
    }

    private static void drop(TestDatabase db, String table) {
        try (Connection conn = db.connect()) {
            conn.execute("DROP TABLE IF EXISTS " + table);
            conn.commit();
        }
    }
}
