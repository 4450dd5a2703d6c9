package dev.vellum.dialect;

import static dev.vellum.dialect.Asserts.MARIADB;
import static dev.vellum.dialect.Asserts.POSTGRES;
import static dev.vellum.dialect.Asserts.SQLITE;
import static dev.vellum.dialect.Asserts.assertNotSupported;
import static dev.vellum.dialect.Asserts.assertSql;
import static dev.vellum.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.Column;
import dev.vellum.sql.Json;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.SqlTypes;
import dev.vellum.sql.Table;
import org.junit.jupiter.api.Test;

/** JSON members and containment: PostgreSQL and SQLite operators, MariaDB functions. */
class JsonCompileTest {
    private static final Table EVENTS = new Table(new MetaData(), "events");
    private static final Column<Long> ID = EVENTS.column("id", SqlTypes.BIGINT);
    private static final Column<String> PAYLOAD = EVENTS.column("payload", SqlTypes.JSON);
    private static final Column<String> DOC = EVENTS.column("doc", SqlTypes.JSONB);

    @Test
    void membersByKeyAndIndex() {
        var stmt = select(Json.get(PAYLOAD, "tags"), Json.getText(Json.get(PAYLOAD, "tags"), 0))
                .where(Json.getText(PAYLOAD, "kind").eq("click"));
        String operators = "SELECT (events.payload -> ?), ((events.payload -> ?) ->> ?) FROM events"
                + " WHERE (events.payload ->> ?) = ?";
        assertSql(stmt, SQLITE, operators, List.of("tags", "tags", 0, "kind", "click"));
        assertSql(stmt, POSTGRES, operators, List.of("tags", "tags", 0, "kind", "click"));
        assertSql(stmt, MARIADB, "SELECT JSON_EXTRACT(events.payload, CONCAT('$.\"', ?, '\"')),"
                + " JSON_UNQUOTE(JSON_EXTRACT(JSON_EXTRACT(events.payload, CONCAT('$.\"', ?, '\"')),"
                + " CONCAT('$[', ?, ']'))) FROM events WHERE JSON_UNQUOTE(JSON_EXTRACT(events.payload,"
                + " CONCAT('$.\"', ?, '\"'))) = ?", List.of("tags", "tags", 0, "kind", "click"));
    }

    @Test
    void containment() {
        assertSql(select(ID).where(Json.contains(DOC, "{\"a\": 1}")), POSTGRES,
                "SELECT events.id FROM events WHERE events.doc @> CAST(? AS JSONB)", List.of("{\"a\": 1}"));
        assertSql(select(ID).where(Json.contains(PAYLOAD, "[1]")), MARIADB,
                "SELECT events.id FROM events WHERE JSON_CONTAINS(events.payload, ?)", List.of("[1]"));
        assertNotSupported(select(ID).where(Json.contains(PAYLOAD, "[1]")), SQLITE, "JSON containment");
        assertNotSupported(select(ID).where(Json.contains(PAYLOAD, "[1]")), POSTGRES, "needs jsonb");
    }

    @Test
    void onlyJsonExpressionsTakeJsonOperators() {
        Column<String> text = new Table(new MetaData(), "notes").column("note", SqlTypes.TEXT);
        assertThatThrownBy(() -> Json.get(text, "a")).isInstanceOf(InterfaceException.class)
                .hasMessageContaining("JSON or JSONB");
        assertThatThrownBy(() -> Json.getText(PAYLOAD, null)).isInstanceOf(InterfaceException.class);
    }
}
