package dev.vellum.e2e.core;

import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** Client-side defaults ({@code withDefault}): sent for every inserted row that leaves the column out. */
class ColumnDefaultsIT {
    private static final MetaData METADATA = new MetaData();
    private static final AtomicInteger TICKETS = new AtomicInteger();
    private static final Events EVENTS = new Events();

    /** cd_events: a constant default, a per-row computed default, and a server default. */
    static final class Events extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<String> kind = column("kind", varchar(20)).notNull();
        final Column<String> source = column("source", varchar(10)).notNull().withDefault("web");
        final Column<Integer> ticket = column("ticket", INTEGER).withDefault(TICKETS::incrementAndGet);
        final Column<Integer> weight = column("weight", INTEGER).serverDefault(1);

        Events() {
            super(METADATA, "cd_events");
        }
    }

    private Engine engine;

    @AfterEach
    void dropTables() {
        if (engine != null) {
            engine.dropAll(METADATA);
        }
    }

    @DatabaseTest
    void everyInsertPathFillsTheDefaultsPerRow(TestDatabase db) {
        engine = db.createEngine();
        engine.dropAll(METADATA);
        engine.createAll(METADATA);
        int start = TICKETS.get();
        engine.useTransaction(conn -> {
            conn.execute(insert(EVENTS).value(EVENTS.kind, "single"));
            conn.execute(insert(EVENTS).value(EVENTS.kind, "given").value(EVENTS.source, "api"));
            conn.execute(insert(EVENTS).columns(EVENTS.kind).values("row a").values("row b"));
            conn.execute(insert(EVENTS), List.of(Map.of(EVENTS.kind, "many 1"), Map.of(EVENTS.kind, "many 2")));
            List<Row> returned = conn.execute(insert(EVENTS).returning(EVENTS.kind, EVENTS.ticket),
                    List.of(Map.of(EVENTS.kind, "keyed 1"), Map.of(EVENTS.kind, "keyed 2"))).all();
            assertThat(returned).extracting(r -> r.get(EVENTS.ticket)).containsExactly(start + 7, start + 8);

            List<Row> rows = conn.execute(select(EVENTS.kind, EVENTS.source, EVENTS.ticket, EVENTS.weight)
                    .orderBy(EVENTS.id)).all();
            assertThat(rows).extracting(r -> r.get(EVENTS.kind) + " " + r.get(EVENTS.source) + " "
                    + (r.get(EVENTS.ticket) - start) + " " + r.get(EVENTS.weight)).containsExactly(
                    "single web 1 1", "given api 2 1", "row a web 3 1", "row b web 4 1", "many 1 web 5 1",
                    "many 2 web 6 1", "keyed 1 web 7 1", "keyed 2 web 8 1");
        });
    }
}
