package dev.vellum.e2e.core;

import static dev.vellum.e2e.core.Fetch.column;
import static dev.vellum.sql.Sql.avg;
import static dev.vellum.sql.Sql.coalesce;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.countDistinct;
import static dev.vellum.sql.Sql.denseRank;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.max;
import static dev.vellum.sql.Sql.min;
import static dev.vellum.sql.Sql.rank;
import static dev.vellum.sql.Sql.rowNumber;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.sum;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.DATE;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.varchar;
import static dev.vellum.sql.ast.Frame.Bound.CURRENT_ROW;
import static dev.vellum.sql.ast.Frame.Bound.UNBOUNDED_FOLLOWING;
import static dev.vellum.sql.ast.Frame.Bound.UNBOUNDED_PRECEDING;
import static dev.vellum.sql.ast.Frame.Bound.following;
import static dev.vellum.sql.ast.Frame.Bound.preceding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** GROUP BY, HAVING, DISTINCT, aggregates and window functions with partitions, orders and frames. */
class AggregateIT {
    private static final MetaData METADATA = new MetaData();
    private static final Sales SALES = new Sales();

    /** a_sales: eight sales in three regions, with ties in amount and one NULL amount. */
    static final class Sales extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> region = column("region", varchar(10)).notNull();
        final Column<String> product = column("product", varchar(10)).notNull();
        final Column<Integer> amount = column("amount", INTEGER);
        final Column<LocalDate> soldOn = column("sold_on", DATE).notNull();

        Sales() {
            super(METADATA, "a_sales");
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
        var day = LocalDate.of(2024, 3, 1);
        engine.useTransaction(conn -> conn.execute(insert(SALES)
                .columns(SALES.id, SALES.region, SALES.product, SALES.amount, SALES.soldOn)
                .values(1L, "north", "apple", 10, day)
                .values(2L, "north", "pear", 30, day.plusDays(1))
                .values(3L, "north", "apple", 30, day.plusDays(2))
                .values(4L, "south", "apple", 50, day)
                .values(5L, "south", "plum", 20, day.plusDays(1))
                .values(6L, "south", "plum", null, day.plusDays(2))
                .values(7L, "west", "pear", 5, day)
                .values(8L, "north", "plum", 40, day.plusDays(3))));
        return engine;
    }

    @DatabaseTest
    void groupByWithHavingAndOrderByAnAggregate(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var n = count().as("n");
            var total = sum(SALES.amount).as("total");
            var query = select(SALES.region, n, total).groupBy(SALES.region).having(count().gt(1L))
                    .orderBy(total.desc());
            List<Row> rows = conn.execute(query).all();
            assertThat(column(rows, SALES.region)).containsExactly("north", "south");
            assertThat(column(rows, n)).containsExactly(4L, 3L);
            assertThat(column(rows, total)).as("sum skips NULL").containsExactly(110, 70);

            var big = select(SALES.region).groupBy(SALES.region).having(sum(SALES.amount).ge(70))
                    .having(max(SALES.amount).lt(50)).orderBy(SALES.region);
            assertThat(column(conn, big, SALES.region)).as("having() twice ANDs").containsExactly("north");

            var byTwo = select(SALES.region, SALES.product, count().as("n")).groupBy(SALES.region, SALES.product)
                    .orderBy(SALES.region.asc(), SALES.product.asc());
            assertThat(conn.execute(byTwo).all().stream().map(r -> r.get(SALES.region) + ":" + r.get(SALES.product)
                    + "=" + r.get(count())).toList())
                    .containsExactly("north:apple=2", "north:pear=1", "north:plum=1", "south:apple=1",
                            "south:plum=2", "west:pear=1");
            var filtered = select(SALES.region, count().as("n")).where(SALES.amount.ge(20)).groupBy(SALES.region)
                    .orderBy(SALES.region);
            assertThat(column(conn, filtered, count())).as("WHERE filters before grouping").containsExactly(3L, 2L);
        });
    }

    @DatabaseTest
    void orderByAnAggregateLabelWithNullsPlaced(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var total = sum(SALES.amount).as("total");
            var query = select(SALES.product, total).where(SALES.amount.isNull().or(SALES.product.ne("plum")))
                    .groupBy(SALES.product);
            assertThat(column(conn, query.orderBy(total.desc().nullsLast()), SALES.product))
                    .as("apple 90, pear 35, plum NULL").containsExactly("apple", "pear", "plum");
            assertThat(column(conn, query.orderBy(total.asc().nullsFirst()), SALES.product))
                    .containsExactly("plum", "pear", "apple");
        });
    }

    @DatabaseTest
    void aggregatesOverTheWholeTable(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var lowest = min(SALES.amount).as("lowest");
            var highest = max(SALES.amount).as("highest");
            var mean = avg(SALES.amount).as("mean");
            var firstDay = min(SALES.soldOn).as("first_day");
            var lastProduct = max(SALES.product).as("last_product");
            Row row = conn.execute(select(count(), count(SALES.amount), lowest, highest, sum(SALES.amount), mean,
                    firstDay, lastProduct, countDistinct(SALES.product), countDistinct(SALES.region))).one();
            assertThat(row.get(count())).isEqualTo(8L);
            assertThat(row.get(count(SALES.amount))).isEqualTo(7L);
            assertThat(row.get(lowest)).isEqualTo(5);
            assertThat(row.get(highest)).isEqualTo(50);
            assertThat(row.get(sum(SALES.amount))).isEqualTo(185);
            assertThat(row.get(mean)).as("185 / 7, to each database's precision")
                    .isCloseTo(new BigDecimal("26.4286"), within(new BigDecimal("0.0001")));
            assertThat(row.get(firstDay)).isEqualTo(LocalDate.of(2024, 3, 1));
            assertThat(row.get(lastProduct)).isEqualTo("plum");
            assertThat(row.get(countDistinct(SALES.product))).isEqualTo(3L);
            assertThat(row.get(countDistinct(SALES.region))).isEqualTo(3L);

            var none = sum(SALES.amount).as("none");
            assertThat(conn.execute(select(none).where(SALES.region.eq("east"))).one().get(none))
                    .as("sum of no rows is NULL").isNull();
            var zero = coalesce(sum(SALES.amount), 0).as("zero");
            assertThat(conn.execute(select(zero).where(SALES.region.eq("east"))).one().get(zero)).isZero();
            assertThat(conn.execute(select(count()).from(SALES).where(SALES.region.eq("east"))).one().get(count()))
                    .isZero();
        });
    }

    @DatabaseTest
    void distinctRowsAndDistinctCounts(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            assertThat(column(conn, select(SALES.product).distinct().orderBy(SALES.product), SALES.product))
                    .containsExactly("apple", "pear", "plum");
            var pairs = select(SALES.region, SALES.product).distinct().where(SALES.region.ne("west"));
            assertThat(conn.execute(pairs).all()).hasSize(5);
            var kinds = countDistinct(SALES.product).as("kinds");
            var perRegion = select(SALES.region, kinds).groupBy(SALES.region).orderBy(SALES.region);
            assertThat(column(conn, perRegion, kinds)).containsExactly(3L, 2L, 1L);
            var amounts = countDistinct(SALES.amount).as("amounts");
            assertThat(conn.execute(select(amounts)).one().get(amounts)).as("NULL is not counted, 30 once")
                    .isEqualTo(6L);
        });
    }

    @DatabaseTest
    void rankingFunctionsOverPartitions(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var position = rowNumber().over().partitionBy(SALES.region).orderBy(SALES.amount.desc().nullsLast(),
                    SALES.id.asc()).as("position");
            var ranked = rank().over().partitionBy(SALES.region).orderBy(SALES.amount.desc().nullsLast()).as("rnk");
            var dense = denseRank().over().partitionBy(SALES.region).orderBy(SALES.amount.desc().nullsLast())
                    .as("dense");
            var overall = rowNumber().over().orderBy(SALES.id.desc()).as("overall");
            List<Row> rows = conn.execute(select(SALES.id, position, ranked, dense, overall).from(SALES)
                    .orderBy(SALES.id)).all();
            assertThat(column(rows, position)).containsExactly(4L, 2L, 3L, 1L, 2L, 3L, 1L, 1L);
            assertThat(column(rows, ranked)).as("ties share a rank, the next rank skips")
                    .containsExactly(4L, 2L, 2L, 1L, 2L, 3L, 1L, 1L);
            assertThat(column(rows, dense)).containsExactly(3L, 2L, 2L, 1L, 2L, 3L, 1L, 1L);
            assertThat(column(rows, overall)).containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);

            var byList = rowNumber().over(List.of(SALES.region), List.of(SALES.soldOn.asc(), SALES.id.asc()))
                    .as("nth");
            var firstOfRegion = select(SALES.id, byList).from(SALES).orderBy(SALES.id);
            assertThat(column(conn, firstOfRegion, byList)).containsExactly(1L, 2L, 3L, 1L, 2L, 3L, 1L, 4L);
        });
    }

    @DatabaseTest
    void aggregateWindowsWithFrames(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var running = sum(SALES.amount).over().partitionBy(SALES.region).orderBy(SALES.id.asc())
                    .rows(UNBOUNDED_PRECEDING, CURRENT_ROW).as("running");
            var moving = sum(SALES.amount).over().partitionBy(SALES.region).orderBy(SALES.id.asc())
                    .rows(preceding(1), following(1)).as("moving");
            var regionTotal = sum(SALES.amount).over().partitionBy(SALES.region).orderBy(SALES.id.asc())
                    .range(UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING).as("region_total");
            var all = count().over().as("all_rows");
            var regionMax = max(SALES.amount).over().partitionBy(SALES.region).as("region_max");
            var untilNow = count(SALES.amount).over().orderBy(SALES.id.asc())
                    .rows(UNBOUNDED_PRECEDING, preceding(1)).as("before");
            List<Row> rows = conn.execute(select(SALES.id, running, moving, regionTotal, all, regionMax)
                    .from(SALES).orderBy(SALES.id)).all();
            // north: 1 (10), 2 (30), 3 (30), 8 (40); south: 4 (50), 5 (20), 6 (NULL); west: 7 (5)
            assertThat(column(rows, running)).containsExactly(10, 40, 70, 50, 70, 70, 5, 110);
            assertThat(column(rows, moving)).containsExactly(40, 70, 100, 70, 70, 20, 5, 70);
            assertThat(column(rows, regionTotal)).containsExactly(110, 110, 110, 70, 70, 70, 5, 110);
            assertThat(column(rows, all)).containsOnly(8L);
            assertThat(column(rows, regionMax)).containsExactly(40, 40, 40, 50, 50, 50, 5, 40);
            // its own query: MariaDB 10.11 computes this frame wrongly next to the partitioned windows above
            assertThat(column(conn, select(untilNow).from(SALES).orderBy(SALES.id), untilNow))
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 5L, 6L);

            var byDay = sum(SALES.amount).over().orderBy(SALES.soldOn.asc()).as("by_day");
            List<Row> days = conn.execute(select(SALES.soldOn, byDay).distinct().orderBy(SALES.soldOn)).all();
            assertThat(column(days, byDay)).as("the default frame takes peers (same day) together")
                    .containsExactly(65, 115, 145, 185);
        });
    }

    @DatabaseTest
    void windowResultsFilteredThroughADerivedTable(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var position = rowNumber().over().partitionBy(SALES.region).orderBy(SALES.amount.desc().nullsLast(),
                    SALES.id.asc()).as("position");
            var ranked = select(SALES.region, SALES.product, position).from(SALES).as("ranked");
            var best = select(ranked.get(SALES.region), ranked.get(SALES.product)).from(ranked)
                    .where(ranked.get(position).eq(1L)).orderBy(ranked.get(SALES.region));
            assertThat(conn.execute(best).all().stream().map(r -> r.get(ranked.get(SALES.region)) + ":"
                    + r.get(ranked.get(SALES.product))).toList())
                    .containsExactly("north:plum", "south:apple", "west:pear");
        });
    }
}
