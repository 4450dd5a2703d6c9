package dev.vellum.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.vellum.engine.Backend;
import dev.vellum.error.DataException;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.InternalException;
import dev.vellum.error.NotSupportedException;
import dev.vellum.error.OperationalException;
import dev.vellum.error.ProgrammingException;

/** The SQLState / vendor-code table, checked without a database (the ITs check it against real servers). */
class ErrorMapperTest {
    private static DatabaseException map(Backend backend, String state, int code) {
        return ErrorMapper.map(backend, new SQLException("boom", state, code), "SELECT 1");
    }

    @Test
    void sqlStateClassesDecide() {
        assertThat(map(Backend.POSTGRESQL, "23505", 0)).isInstanceOf(IntegrityException.class);
        assertThat(map(Backend.POSTGRESQL, "22021", 0)).isInstanceOf(DataException.class);
        assertThat(map(Backend.POSTGRESQL, "42P01", 0)).isInstanceOf(ProgrammingException.class);
        assertThat(map(Backend.POSTGRESQL, "0A000", 0)).isInstanceOf(NotSupportedException.class);
        assertThat(map(Backend.POSTGRESQL, "25006", 0)).isInstanceOf(InternalException.class);
        assertThat(map(Backend.POSTGRESQL, "57014", 0)).isInstanceOf(OperationalException.class);
    }

    @Test
    void transientFailures() {
        assertThat(map(Backend.POSTGRESQL, "40001", 0).isTransient()).isTrue();
        assertThat(map(Backend.POSTGRESQL, "40P01", 0).isTransient()).isTrue();
        assertThat(map(Backend.POSTGRESQL, "08006", 0).isTransient()).isTrue();
        assertThat(map(Backend.POSTGRESQL, "57P01", 0).isTransient()).isTrue();
        assertThat(map(Backend.POSTGRESQL, "55P03", 0).isTransient()).as("lock_timeout").isTrue();
        assertThat(map(Backend.MARIADB, "40001", 1213).isTransient()).isTrue();
        assertThat(map(Backend.MARIADB, "HY000", 1205)).isInstanceOf(OperationalException.class);
        assertThat(map(Backend.SQLITE, null, 5).isTransient()).isTrue();
        assertThat(map(Backend.POSTGRESQL, "23505", 0).isTransient()).isFalse();
    }

    @Test
    void mariaDbVendorCodesRefineTheGenericState() {
        assertThat(map(Backend.MARIADB, "HY000", 1792)).isInstanceOf(InternalException.class);
        assertThat(map(Backend.MARIADB, "42S02", 1146)).isInstanceOf(ProgrammingException.class);
        assertThat(map(Backend.MARIADB, "23000", 1062)).isInstanceOf(IntegrityException.class);
        assertThat(map(Backend.MARIADB, "23000", 1052)).as("an ambiguous column, despite its 23000")
                .isInstanceOf(ProgrammingException.class);
        assertThat(map(Backend.MARIADB, "42000", 1235)).as("\"doesn't yet support\"")
                .isInstanceOf(NotSupportedException.class);
    }

    @Test
    void sqliteResultCodes() {
        assertThat(map(Backend.SQLITE, null, 19)).isInstanceOf(IntegrityException.class);
        assertThat(map(Backend.SQLITE, null, 1)).isInstanceOf(ProgrammingException.class);
        assertThat(map(Backend.SQLITE, null, 8)).isInstanceOf(InternalException.class);
        assertThat(map(Backend.SQLITE, null, 9)).isInstanceOf(OperationalException.class);
    }

    @Test
    void messagesAreOneLineWithTheSqlAndWithoutMariaDbConnectionNumbers() {
        var e = ErrorMapper.map(Backend.MARIADB, new SQLException("(conn=42) Duplicate entry '1'\n  for key", "23000",
                1062), "INSERT INTO t VALUES (1)");
        assertThat(e.getMessage()).isEqualTo("Duplicate entry '1'; for key [SQL: INSERT INTO t VALUES (1)]");
        assertThat(e.sqlState()).isEqualTo("23000");
        assertThat(e.vendorCode()).isEqualTo(1062);
        assertThat(e.sql()).isEqualTo("INSERT INTO t VALUES (1)");
    }
}
