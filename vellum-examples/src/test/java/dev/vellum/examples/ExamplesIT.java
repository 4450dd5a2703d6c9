package dev.vellum.examples;

import java.util.TimeZone;

import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the examples on every selected database (SQLite, PostgreSQL, MariaDB), each twice, in one isolated schema;
 * the testkit fails a test that leaves a connection or statement open.
 */
class ExamplesIT {
    private static void verify(ExampleCase example, TestDatabase db) {
        example.verify(db.url().render(false), db.db().backend());
    }

    @DatabaseTest
    void core(TestDatabase db) {
        verify(ExampleCase.CORE, db);
    }

    @DatabaseTest
    void reflection(TestDatabase db) {
        verify(ExampleCase.REFLECTION, db);
    }

    @DatabaseTest
    void copy(TestDatabase db) {
        verify(ExampleCase.COPY, db);
    }

    @DatabaseTest
    void dbApi(TestDatabase db) {
        verify(ExampleCase.DB_API, db);
    }

    @DatabaseTest
    void psycopg(TestDatabase db) {
        verify(ExampleCase.PSYCOPG, db);
    }

    @DatabaseTest
    void transaction(TestDatabase db) {
        verify(ExampleCase.TRANSACTION, db);
    }

    @DatabaseTest
    void namedBinds(TestDatabase db) {
        verify(ExampleCase.NAMED_BINDS, db);
    }

    @DatabaseTest
    void executeMany(TestDatabase db) {
        verify(ExampleCase.EXECUTE_MANY, db);
    }

    @DatabaseTest
    void result(TestDatabase db) {
        verify(ExampleCase.RESULT, db);
    }

    @DatabaseTest
    void records(TestDatabase db) {
        verify(ExampleCase.RECORDS, db);
    }

    @DatabaseTest
    void streaming(TestDatabase db) {
        verify(ExampleCase.STREAMING, db);
    }

    @DatabaseTest
    void types(TestDatabase db) {
        verify(ExampleCase.TYPES, db);
    }

    @DatabaseTest
    void timeZonesWhateverTheJvmZone(TestDatabase db) {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            verify(ExampleCase.TIME_ZONES, db);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            verify(ExampleCase.TIME_ZONES, db);
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @DatabaseTest
    void savepoints(TestDatabase db) {
        verify(ExampleCase.SAVEPOINTS, db);
    }

    @DatabaseTest
    void readOnly(TestDatabase db) {
        verify(ExampleCase.READ_ONLY, db);
        try (var conn = db.connect()) {
            assertThat(conn.execute("SELECT COUNT(*) FROM reports").scalar()).isEqualTo(3L);
        }
    }

    @DatabaseTest
    void statementTimeout(TestDatabase db) {
        verify(ExampleCase.STATEMENT_TIMEOUT, db);
    }

    @DatabaseTest
    void autocommit(TestDatabase db) {
        verify(ExampleCase.AUTOCOMMIT, db);
    }

    @DatabaseTest
    void urls(TestDatabase db) {
        verify(ExampleCase.URLS, db);
    }

    @DatabaseTest
    void errors(TestDatabase db) {
        verify(ExampleCase.ERRORS, db);
    }

    @DatabaseTest
    void engine(TestDatabase db) {
        verify(ExampleCase.ENGINE, db);
    }

    @DatabaseTest
    void hooks(TestDatabase db) {
        verify(ExampleCase.HOOKS, db);
    }

    @DatabaseTest
    void retry(TestDatabase db) {
        verify(ExampleCase.RETRY, db);
    }

    @DatabaseTest
    void poolEvents(TestDatabase db) {
        verify(ExampleCase.POOL_EVENTS, db);
    }
}
