package dev.vellum.e2e.core;

import static dev.vellum.e2e.core.Fetch.column;
import static dev.vellum.sql.Sql.case_;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.currentTimestamp;
import static dev.vellum.sql.Sql.delete;
import static dev.vellum.sql.Sql.excluded;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.max;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.set;
import static dev.vellum.sql.Sql.sum;
import static dev.vellum.sql.Sql.update;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.TIMESTAMP;
import static dev.vellum.sql.SqlTypes.numeric;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.error.OperationalException;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.Select;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;
import org.junit.jupiter.api.AfterEach;

/** INSERT, UPDATE, DELETE, RETURNING, upserts and row locks, with their effects read back. */
class DmlIT {
    private static final MetaData METADATA = new MetaData();
    private static final Stock STOCK = new Stock();
    private static final Delivery DELIVERY = new Delivery();
    private static final Events EVENTS = new Events();
    private static final Jobs JOBS = new Jobs();

    /** d_stock: one row per SKU. */
    static final class Stock extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<String> sku = column("sku", varchar(20)).notNull().unique();
        final Column<Integer> qty = column("qty", INTEGER).notNull().serverDefault(0);
        final Column<BigDecimal> price = column("price", numeric(10, 2));

        Stock() {
            super(METADATA, "d_stock");
        }
    }

    /** d_delivery: what arrives, keyed by its own id. */
    static final class Delivery extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> sku = column("sku", varchar(20)).notNull();
        final Column<Integer> qty = column("qty", INTEGER).notNull();
        final Column<BigDecimal> price = column("price", numeric(10, 2));

        Delivery() {
            super(METADATA, "d_delivery");
        }
    }

    /** d_events: every column has a default. */
    static final class Events extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<String> kind = column("kind", varchar(20)).notNull().serverDefault("created");
        final Column<Integer> n = column("n", INTEGER).serverDefault(7);
        final Column<LocalDateTime> at = column("at", TIMESTAMP).serverDefault(currentTimestamp());

        Events() {
            super(METADATA, "d_events");
        }
    }

    /** d_jobs: a work queue, for row locks. */
    static final class Jobs extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> state = column("state", varchar(10)).notNull();

        Jobs() {
            super(METADATA, "d_jobs");
        }
    }

    private Engine engine;

    @AfterEach
    void dropTables() {
        if (engine != null) {
            engine.dropAll(METADATA);
        }
    }

    private Engine engine(TestDatabase db) {
        engine = db.createEngine();
        engine.dropAll(METADATA);
        engine.createAll(METADATA);
        return engine;
    }

    private static void stock(Connection conn) {
        conn.execute(insert(STOCK).columns(STOCK.sku, STOCK.qty, STOCK.price)
                .values("apple", 10, new BigDecimal("1.00"))
                .values("pear", 0, new BigDecimal("2.50"))
                .values("plum", 4, null));
        conn.execute(insert(DELIVERY).columns(DELIVERY.id, DELIVERY.sku, DELIVERY.qty, DELIVERY.price)
                .values(1L, "apple", 5, new BigDecimal("1.20"))
                .values(2L, "kiwi", 7, new BigDecimal("0.80"))
                .values(3L, "pear", 3, new BigDecimal("2.40")));
    }

    private static Map<String, Integer> quantities(Connection conn) {
        var out = new TreeMap<String, Integer>();
        for (Row r : conn.execute(select(STOCK.sku, STOCK.qty).from(STOCK))) {
            out.put(r.get(STOCK.sku), r.get(STOCK.qty));
        }
        return out;
    }

    private static Map<Column<?>, Object> row(String sku, int qty) {
        var row = new HashMap<Column<?>, Object>();
        row.put(STOCK.sku, sku);
        row.put(STOCK.qty, qty);
        return row;
    }

    // --- INSERT

    @DatabaseTest
    void multiRowInsertWithAndWithoutReturning(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var three = insert(STOCK).columns(STOCK.sku, STOCK.qty).values("a", 1).values("b", 2).values("c", 3);
            assertThat(conn.execute(three).rowCount()).isEqualTo(3);
            List<Row> returned = conn.execute(insert(STOCK).columns(STOCK.sku, STOCK.qty).values("d", 4)
                    .values("e", 5).returning(STOCK.id, STOCK.sku, STOCK.qty.times(10).as("tenfold"))).all();
            assertThat(returned).hasSize(2);
            assertThat(column(returned, STOCK.sku)).containsExactlyInAnyOrder("d", "e");
            for (Row r : returned) {
                long id = r.get(STOCK.id);
                assertThat(conn.execute(select(STOCK.sku).where(STOCK.id.eq(id))).one().get(STOCK.sku))
                        .as("the id returned is the row's").isEqualTo(r.get(STOCK.sku));
                assertThat(r.get(1, String.class)).isEqualTo(r.get(STOCK.sku));
            }
            assertThat(returned.stream().map(r -> r.get(2, Integer.class)).toList())
                    .as("RETURNING an expression").containsExactlyInAnyOrder(40, 50);
            Row one = conn.execute(insert(STOCK).value(STOCK.sku, "f").returning(STOCK.qty, STOCK.price)).one();
            assertThat(one.get(STOCK.qty)).as("the server default").isZero();
            assertThat(one.get(STOCK.price)).isNull();
            assertThat(quantities(conn)).containsExactly(Map.entry("a", 1), Map.entry("b", 2), Map.entry("c", 3),
                    Map.entry("d", 4), Map.entry("e", 5), Map.entry("f", 0));
        });
    }

    @DatabaseTest
    void insertFromASelect(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            stock(conn);
            var fresh = select(DELIVERY.sku, DELIVERY.qty, DELIVERY.price).from(DELIVERY)
                    .where(DELIVERY.sku.notIn(select(STOCK.sku).from(STOCK)));
            assertThat(conn.execute(insert(STOCK).columns(STOCK.sku, STOCK.qty, STOCK.price).select(fresh)).rowCount())
                    .isEqualTo(1);
            assertThat(quantities(conn)).containsEntry("kiwi", 7).hasSize(4);

            var summed = select(DELIVERY.sku.concat("-total").as("sku"), sum(DELIVERY.qty).as("qty")).from(DELIVERY)
                    .groupBy(DELIVERY.sku).having(sum(DELIVERY.qty).gt(4));
            List<Row> back = conn.execute(insert(STOCK).columns(STOCK.sku, STOCK.qty).select(summed)
                    .returning(STOCK.sku)).all();
            assertThat(column(back, STOCK.sku)).containsExactlyInAnyOrder("apple-total", "kiwi-total");
            assertThat(quantities(conn)).containsEntry("apple-total", 5).containsEntry("kiwi-total", 7).hasSize(6);
        });
    }

    @DatabaseTest
    void insertOfDefaultValues(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            assertThat(conn.execute(insert(EVENTS)).rowCount()).isEqualTo(1);
            Row returned = conn.execute(insert(EVENTS).returning(EVENTS.id, EVENTS.kind, EVENTS.n)).one();
            assertThat(returned.get(EVENTS.kind)).isEqualTo("created");
            assertThat(returned.get(EVENTS.n)).isEqualTo(7);
            List<Row> rows = conn.execute(select(EVENTS).orderBy(EVENTS.id)).all();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).get(EVENTS.id)).isEqualTo(returned.get(EVENTS.id)).isGreaterThan(rows.get(0)
                    .get(EVENTS.id));
            assertThat(column(rows, EVENTS.kind)).containsOnly("created");
            assertThat(column(rows, EVENTS.at)).doesNotContainNull();
            assertThat(rows.get(0).get(EVENTS.at)).isAfter(LocalDateTime.now().minusDays(2));
        });
    }

    // --- UPDATE

    @DatabaseTest
    void updateWithExpressionsCaseAndSubqueries(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            stock(conn);
            assertThat(conn.execute(update(STOCK).set(STOCK.qty, STOCK.qty.plus(5)).where(STOCK.sku.ne("plum")))
                    .rowCount()).isEqualTo(2);
            assertThat(quantities(conn)).containsExactly(Map.entry("apple", 15), Map.entry("pear", 5),
                    Map.entry("plum", 4));
            conn.execute(update(STOCK).set(STOCK.price, STOCK.price.times(new BigDecimal("2")))
                    .set(STOCK.qty, case_(STOCK.qty.gt(10), STOCK.qty.minus(10)).otherwise(STOCK.qty)));
            Row apple = conn.execute(select(STOCK.qty, STOCK.price).where(STOCK.sku.eq("apple"))).one();
            assertThat(apple.get(STOCK.qty)).isEqualTo(5);
            assertThat(apple.get(STOCK.price)).isEqualByComparingTo("2.00");
            assertThat(conn.execute(select(STOCK.price).where(STOCK.sku.eq("plum"))).one().get(STOCK.price))
                    .as("NULL * 2 stays NULL").isNull();

            Expression<Integer> delivered = select(sum(DELIVERY.qty)).from(DELIVERY)
                    .where(DELIVERY.sku.eq(STOCK.sku)).asScalar();
            conn.execute(update(STOCK).set(STOCK.qty, delivered).where(STOCK.sku.in(select(DELIVERY.sku)
                    .from(DELIVERY))));
            assertThat(quantities(conn)).containsExactly(Map.entry("apple", 5), Map.entry("pear", 3),
                    Map.entry("plum", 4));
            assertThat(conn.execute(update(STOCK).set(STOCK.price, (BigDecimal) null).where(STOCK.qty.lt(4)))
                    .rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(count()).from(STOCK).where(STOCK.price.isNull())).one().get(count()))
                    .isEqualTo(2L);
            assertThat(conn.execute(update(STOCK).set(STOCK.qty, 1).where(STOCK.sku.eq("none"))).rowCount()).isZero();
        });
    }

    @DatabaseTest
    void updateFromAnotherTable(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            stock(conn);
            var received = update(STOCK).set(STOCK.qty, STOCK.qty.plus(DELIVERY.qty)).set(STOCK.price, DELIVERY.price)
                    .from(DELIVERY).where(STOCK.sku.eq(DELIVERY.sku));
            assertThat(conn.execute(received).rowCount()).isEqualTo(2);
            assertThat(quantities(conn)).containsExactly(Map.entry("apple", 15), Map.entry("pear", 3),
                    Map.entry("plum", 4));
            List<Row> prices = conn.execute(select(STOCK.sku, STOCK.price).from(STOCK).orderBy(STOCK.sku)).all();
            assertThat(column(prices, STOCK.price).stream().map(p -> p == null ? "-" : p.setScale(2).toPlainString()))
                    .containsExactly("1.20", "2.40", "-");

            var bigOnly = update(STOCK).set(STOCK.qty, 0).from(DELIVERY)
                    .where(STOCK.sku.eq(DELIVERY.sku).and(DELIVERY.qty.gt(4)));
            assertThat(conn.execute(bigOnly).rowCount()).isEqualTo(1);
            assertThat(quantities(conn)).containsEntry("apple", 0).containsEntry("pear", 3);
        });
    }

    // --- DELETE

    @DatabaseTest
    void deleteWithReturningAndSubqueries(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            stock(conn);
            List<Row> gone = conn.execute(delete(STOCK).where(STOCK.qty.lt(5)).returning(STOCK.sku, STOCK.qty)).all();
            assertThat(gone.stream().map(r -> r.get(STOCK.sku) + "=" + r.get(STOCK.qty)).toList())
                    .containsExactlyInAnyOrder("pear=0", "plum=4");
            assertThat(quantities(conn)).containsOnlyKeys("apple");
            assertThat(conn.execute(delete(DELIVERY).where(DELIVERY.sku.notIn(select(STOCK.sku).from(STOCK))))
                    .rowCount()).isEqualTo(2);
            assertThat(column(conn, select(DELIVERY.sku).from(DELIVERY), DELIVERY.sku)).containsExactly("apple");
            assertThat(conn.execute(delete(STOCK)).rowCount()).as("no WHERE: every row").isEqualTo(1);
            assertThat(conn.execute(delete(STOCK).returning(STOCK.id)).all()).isEmpty();
        });
    }

    @DatabaseTest
    void updateAndDeleteWithASubqueryOnTheirOwnTable(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            stock(conn);
            Expression<Integer> most = select(max(STOCK.qty)).from(STOCK).asScalar();
            assertThat(conn.execute(update(STOCK).set(STOCK.qty, most).where(STOCK.sku.eq("pear"))).rowCount())
                    .isEqualTo(1);
            assertThat(quantities(conn)).containsEntry("pear", 10);
            var empty = select(STOCK.id).from(STOCK).where(STOCK.price.isNull());
            assertThat(conn.execute(delete(STOCK).where(STOCK.id.in(empty))).rowCount()).isEqualTo(1);
            assertThat(quantities(conn)).containsOnlyKeys("apple", "pear");
        });
    }

    // --- upserts

    @DatabaseTest
    void upsertsOfValuesRowsAndSelects(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            stock(conn);
            var addQty = set(STOCK.qty, STOCK.qty.plus(excluded(STOCK.qty)));
            conn.execute(insert(STOCK).columns(STOCK.sku, STOCK.qty).values("apple", 1).values("fig", 2)
                    .onConflict(STOCK.sku).doUpdate(addQty));
            assertThat(quantities(conn)).containsEntry("apple", 11).containsEntry("fig", 2);

            conn.execute(insert(STOCK).columns(STOCK.sku, STOCK.qty).values("apple", 100).values("lime", 9)
                    .onConflict(STOCK.sku).doNothing());
            assertThat(quantities(conn)).containsEntry("apple", 11).containsEntry("lime", 9);

            conn.execute(insert(STOCK).onConflict(STOCK.sku).doUpdate(addQty,
                    set(STOCK.price, excluded(STOCK.price))), List.of(row("pear", 1), row("plum", 1), row("yuzu", 1)));
            assertThat(quantities(conn)).containsEntry("pear", 1).containsEntry("plum", 5).containsEntry("yuzu", 1);

            var deliveries = select(DELIVERY.sku, DELIVERY.qty, DELIVERY.price).from(DELIVERY);
            conn.execute(insert(STOCK).columns(STOCK.sku, STOCK.qty, STOCK.price).select(deliveries)
                    .onConflict(STOCK.sku).doUpdate(addQty, set(STOCK.price, excluded(STOCK.price))));
            assertThat(quantities(conn)).containsExactly(Map.entry("apple", 16), Map.entry("fig", 2),
                    Map.entry("kiwi", 7), Map.entry("lime", 9), Map.entry("pear", 4), Map.entry("plum", 5),
                    Map.entry("yuzu", 1));
            assertThat(conn.execute(select(STOCK.price).where(STOCK.sku.eq("pear"))).one().get(STOCK.price))
                    .isEqualByComparingTo("2.40");

        });
    }

    @DatabaseTest
    void upsertReturningGivesTheInsertedOrUpdatedRow(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            stock(conn);
            Row updated = conn.execute(insert(STOCK).value(STOCK.sku, "apple").value(STOCK.qty, 3)
                    .onConflict(STOCK.sku).doUpdate(set(STOCK.qty, STOCK.qty.plus(excluded(STOCK.qty))))
                    .returning(STOCK.sku, STOCK.qty)).one();
            assertThat(updated.get(STOCK.qty)).isEqualTo(13);
            Row inserted = conn.execute(insert(STOCK).value(STOCK.sku, "fig").value(STOCK.qty, 3)
                    .onConflict(STOCK.sku).doUpdate(set(STOCK.qty, STOCK.qty.plus(excluded(STOCK.qty))))
                    .returning(STOCK.sku, STOCK.qty)).one();
            assertThat(inserted.get(STOCK.qty)).isEqualTo(3);
        });
    }

    // --- row locks

    private void jobs(TestDatabase db) {
        engine(db).useTransaction(conn -> conn.execute(insert(JOBS).columns(JOBS.id, JOBS.state)
                .values(1L, "new").values(2L, "new").values(3L, "new").values(4L, "done")));
    }

    private static Select nextJob() {
        return select(JOBS.id).from(JOBS).where(JOBS.state.eq("new")).orderBy(JOBS.id).limit(1);
    }

    @DatabaseTest
    void skipLockedHandsEachWorkerADifferentRow(TestDatabase db) {
        jobs(db);
        try (Connection first = engine.connect(); Connection second = engine.connect()) {
            long mine = first.execute(nextJob().forUpdate().skipLocked()).one().get(JOBS.id);
            long theirs = second.execute(nextJob().forUpdate().skipLocked()).one().get(JOBS.id);
            assertThat(mine).isEqualTo(1L);
            if (db.db() == TestDb.SQLITE) {
                assertThat(theirs).as("SQLite has no row locks: the clause is left out").isEqualTo(1L);
                return;
            }
            assertThat(theirs).as("row 1 is locked by the first worker, so skipped").isEqualTo(2L);
            var all = select(JOBS.id).from(JOBS).orderBy(JOBS.id).forUpdate().skipLocked();
            assertThat(column(second, all, JOBS.id)).containsExactly(2L, 3L, 4L);
            first.execute(update(JOBS).set(JOBS.state, "done").where(JOBS.id.eq(mine)));
            first.commit();
            assertThat(column(second, all, JOBS.id)).as("committed: row 1 is free again").containsExactly(1L, 2L, 3L,
                    4L);
            second.rollback();
            assertThat(second.execute(nextJob().forUpdate().skipLocked()).one().get(JOBS.id)).isEqualTo(2L);
        }
    }

    @DatabaseTest
    void noWaitFailsAtOnceOnALockedRow(TestDatabase db) {
        jobs(db);
        var one = select(JOBS.id, JOBS.state).from(JOBS).where(JOBS.id.eq(1L));
        try (Connection first = engine.connect(); Connection second = engine.connect()) {
            assertThat(first.execute(one.forUpdate()).one().get(JOBS.state)).isEqualTo("new");
            if (db.db() == TestDb.SQLITE) {
                assertThat(second.execute(one.forUpdate().noWait()).one().get(JOBS.id)).isEqualTo(1L);
                return;
            }
            assertThatThrownBy(() -> second.execute(one.forUpdate().noWait())).isInstanceOf(OperationalException.class);
            second.rollback();
            assertThat(second.execute(select(JOBS.state).from(JOBS).where(JOBS.id.eq(1L))).one().get(JOBS.state))
                    .as("a plain read is not blocked").isEqualTo("new");
            second.rollback();
            first.rollback();
            assertThat(second.execute(one.forUpdate().noWait()).one().get(JOBS.id)).isEqualTo(1L);
            second.rollback();
        }
    }

    @DatabaseTest
    void sharedLocksShareButKeepWritersOut(TestDatabase db) {
        jobs(db);
        var one = select(JOBS.id).from(JOBS).where(JOBS.id.eq(2L));
        try (Connection first = engine.connect(); Connection second = engine.connect()) {
            assertThat(first.execute(one.forShare()).one().get(JOBS.id)).isEqualTo(2L);
            assertThat(second.execute(one.forShare().noWait()).one().get(JOBS.id)).as("two readers share")
                    .isEqualTo(2L);
            second.rollback();
            if (db.db() == TestDb.SQLITE) {
                return;
            }
            assertThatThrownBy(() -> second.execute(one.forUpdate().noWait())).isInstanceOf(OperationalException.class);
            second.rollback();
            assertThat(column(second, select(JOBS.id).from(JOBS).orderBy(JOBS.id).forShare().skipLocked(), JOBS.id))
                    .as("a shared lock does not stop another FOR SHARE").containsExactly(1L, 2L, 3L, 4L);
            assertThat(column(second, select(JOBS.id).from(JOBS).orderBy(JOBS.id).forUpdate().skipLocked(), JOBS.id))
                    .containsExactly(1L, 3L, 4L);
            second.rollback();
            first.rollback();
        }
    }
}
