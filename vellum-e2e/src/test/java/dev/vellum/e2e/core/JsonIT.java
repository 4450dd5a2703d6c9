package dev.vellum.e2e.core;

import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.JSON;
import static dev.vellum.sql.SqlTypes.JSONB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.error.NotSupportedException;
import dev.vellum.sql.Column;
import dev.vellum.sql.Json;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;
import org.junit.jupiter.api.AfterEach;

/** JSON members by key and index on every database; containment on PostgreSQL jsonb and MariaDB. */
class JsonIT {
    private static final MetaData METADATA = new MetaData();
    private static final Events EVENTS = new Events();
    private static final MetaData PG_ONLY = new MetaData();
    private static final Docs DOCS = new Docs();

    /** j_events: a JSON payload. */
    static final class Events extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> payload = column("payload", JSON);

        Events() {
            super(METADATA, "j_events");
        }
    }

    /** j_docs: a PostgreSQL jsonb document. */
    static final class Docs extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> doc = column("doc", JSONB);

        Docs() {
            super(PG_ONLY, "j_docs");
        }
    }

    private Engine engine;

    @AfterEach
    void dropTables() {
        if (engine != null) {
            engine.dropAll(METADATA);
            if (engine.dialect().name().equals("postgresql")) {
                engine.dropAll(PG_ONLY);
            }
        }
    }

    @DatabaseTest
    void membersByKeyAndIndex(TestDatabase db) {
        engine = db.createEngine();
        engine.dropAll(METADATA);
        engine.createAll(METADATA);
        engine.useTransaction(conn -> {
            conn.execute(insert(EVENTS).value(EVENTS.id, 1L)
                    .value(EVENTS.payload, "{\"kind\": \"click\", \"tags\": [\"a\", \"b\"], \"n\": 3}"));
            conn.execute(insert(EVENTS).value(EVENTS.id, 2L).value(EVENTS.payload, "{\"kind\": \"view\"}"));
            List<Long> clicks = conn.execute(select(EVENTS.id)
                    .where(Json.getText(EVENTS.payload, "kind").eq("click"))).all().stream()
                    .map(r -> r.get(EVENTS.id)).toList();
            assertThat(clicks).containsExactly(1L);
            var second = Json.getText(Json.get(EVENTS.payload, "tags"), 1).as("second");
            var kind = Json.get(EVENTS.payload, "kind").as("kind_json");
            var row = conn.execute(select(second, kind).where(EVENTS.id.eq(1L))).one();
            assertThat(row.get(second)).isEqualTo("b");
            assertThat(row.get(kind)).isEqualTo("\"click\"");
            assertThat(conn.execute(select(Json.getText(EVENTS.payload, "missing").as("m"))
                    .where(EVENTS.id.eq(2L))).one().get("m")).isNull();
        });
    }

    @DatabaseTest
    void containment(TestDatabase db) {
        engine = db.createEngine();
        engine.dropAll(METADATA);
        engine.createAll(METADATA);
        if (db.db() == TestDb.SQLITE) {
            assertThatThrownBy(() -> engine.dialect().compile(select(EVENTS.id)
                    .where(Json.contains(EVENTS.payload, "{}")))).isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining("SQLite");
            return;
        }
        Table table = db.db() == TestDb.POSTGRESQL ? DOCS : EVENTS;
        Column<String> json = db.db() == TestDb.POSTGRESQL ? DOCS.doc : EVENTS.payload;
        Column<?> id = table.column("id");
        if (db.db() == TestDb.POSTGRESQL) {
            engine.dropAll(PG_ONLY);
            engine.createAll(PG_ONLY);
        }
        engine.useTransaction(conn -> {
            conn.execute(insert(table).columns(id, json).values(1L, "{\"kind\": \"click\", \"tags\": [\"a\", \"b\"]}")
                    .values(2L, "{\"kind\": \"view\", \"tags\": [\"b\"]}").values(3L, "{\"kind\": \"click\"}"));
            List<Object> ids = conn.execute(select(id).from(table).where(Json.contains(json, "{\"tags\": [\"b\"]}"))
                    .orderBy(id)).all().stream().map(r -> r.get(0)).toList();
            assertThat(ids).containsExactly(1L, 2L);
        });
    }
}
