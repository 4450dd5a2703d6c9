package dev.vellum.e2e.core;

import static dev.vellum.e2e.core.Fetch.column;
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.CompoundSelect;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** UNION, UNION ALL, INTERSECT and EXCEPT, alone, chained, ordered and limited. */
class SetOperationIT {
    private static final MetaData METADATA = new MetaData();
    private static final Fruit SHOP = new Fruit("s_shop");
    private static final Fruit MARKET = new Fruit("s_market");

    /** A fruit stall: what it sells and at what price. */
    static final class Fruit extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> name = column("name", varchar(20)).notNull();
        final Column<Integer> price = column("price", INTEGER).notNull();

        Fruit(String tableName) {
            super(METADATA, tableName);
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
        engine.useTransaction(conn -> {
            conn.execute(insert(SHOP).columns(SHOP.id, SHOP.name, SHOP.price).values(1L, "apple", 3)
                    .values(2L, "banana", 1).values(3L, "cherry", 8).values(4L, "apple", 3));
            conn.execute(insert(MARKET).columns(MARKET.id, MARKET.name, MARKET.price).values(1L, "banana", 1)
                    .values(2L, "date", 9).values(3L, "elder", 4).values(4L, "cherry", 7));
        });
        return engine;
    }

    @DatabaseTest
    void unionRemovesDuplicatesAndUnionAllKeepsThem(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            CompoundSelect union = select(SHOP.name).from(SHOP).union(select(MARKET.name).from(MARKET))
                    .orderBy(SHOP.name.asc());
            assertThat(column(conn, union, SHOP.name)).containsExactly("apple", "banana", "cherry", "date", "elder");
            CompoundSelect all = select(SHOP.name).from(SHOP).unionAll(select(MARKET.name).from(MARKET))
                    .orderBy(SHOP.name.desc());
            assertThat(column(conn, all, SHOP.name))
                    .containsExactly("elder", "date", "cherry", "cherry", "banana", "banana", "apple", "apple");
            var pairs = select(SHOP.name, SHOP.price).from(SHOP).union(select(MARKET.name, MARKET.price).from(MARKET))
                    .orderBy(SHOP.name.asc(), SHOP.price.asc());
            List<Row> rows = conn.execute(pairs).all();
            assertThat(rows.stream().map(r -> r.get(SHOP.name) + "=" + r.get(SHOP.price)).toList())
                    .as("rows are distinct as wholes").containsExactly("apple=3", "banana=1", "cherry=7", "cherry=8",
                            "date=9", "elder=4");
        });
    }

    @DatabaseTest
    void intersectAndExcept(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var both = select(SHOP.name).from(SHOP).intersect(select(MARKET.name).from(MARKET))
                    .orderBy(SHOP.name.asc());
            assertThat(column(conn, both, SHOP.name)).containsExactly("banana", "cherry");
            var onlyShop = select(SHOP.name).from(SHOP).except(select(MARKET.name).from(MARKET));
            assertThat(column(conn, onlyShop, SHOP.name)).as("EXCEPT removes duplicates too").containsExactly("apple");
            var onlyMarket = select(MARKET.name).from(MARKET).except(select(SHOP.name).from(SHOP))
                    .orderBy(MARKET.name.desc());
            assertThat(column(conn, onlyMarket, MARKET.name)).containsExactly("elder", "date");
            var samePrice = select(SHOP.name, SHOP.price).from(SHOP).intersect(select(MARKET.name, MARKET.price)
                    .from(MARKET));
            assertThat(column(conn, samePrice, SHOP.name)).as("cherry costs 8 in one, 7 in the other")
                    .containsExactly("banana");
        });
    }

    @DatabaseTest
    void orderLimitAndOffsetApplyToTheWholeResult(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var price = SHOP.price.as("price");
            var cheapest = select(SHOP.name, price).from(SHOP).union(select(MARKET.name, MARKET.price).from(MARKET))
                    .orderBy(price.asc(), SHOP.name.asc()).limit(3);
            assertThat(column(conn, cheapest, SHOP.name)).containsExactly("banana", "apple", "elder");
            var next = select(SHOP.name, price).from(SHOP).union(select(MARKET.name, MARKET.price).from(MARKET))
                    .orderBy(price.asc(), SHOP.name.asc()).limit(2).offset(3);
            assertThat(column(conn, next, SHOP.name)).containsExactly("cherry", "cherry");
            var rest = select(SHOP.name, price).from(SHOP).union(select(MARKET.name, MARKET.price).from(MARKET))
                    .orderBy(price.desc(), SHOP.name.asc()).offset(4);
            assertThat(column(conn, rest, SHOP.name)).containsExactly("apple", "banana");
        });
    }

    @DatabaseTest
    void nullsFirstAndLastInTheOrderOfASetOperation(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var nothing = bind(null, varchar(20)).as("name");
            var withNull = select(SHOP.name).from(SHOP).union(select(nothing));
            assertThat(column(conn, withNull.orderBy(SHOP.name.asc().nullsFirst()), SHOP.name))
                    .containsExactly(null, "apple", "banana", "cherry");
            assertThat(column(conn, withNull.orderBy(SHOP.name.desc().nullsLast()), SHOP.name))
                    .containsExactly("cherry", "banana", "apple", null);
        });
    }

    @DatabaseTest
    void operandsWithTheirOwnWhereOrderAndLimit(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var dearShop = select(SHOP.name, SHOP.price).from(SHOP).where(SHOP.price.gt(2)).orderBy(SHOP.price.desc())
                    .limit(1);
            var cheapMarket = select(MARKET.name, MARKET.price).from(MARKET).where(MARKET.price.lt(5))
                    .orderBy(MARKET.price.asc()).limit(1);
            var ends = dearShop.unionAll(cheapMarket).orderBy(SHOP.name.asc());
            assertThat(column(conn, ends, SHOP.name)).containsExactly("banana", "cherry");
            var filtered = select(SHOP.name).from(SHOP).where(SHOP.name.ne("apple"))
                    .union(select(MARKET.name).from(MARKET).where(MARKET.price.ge(5))).orderBy(SHOP.name.asc());
            assertThat(column(conn, filtered, SHOP.name)).as("binds of both sides in order")
                    .containsExactly("banana", "cherry", "date");
        });
    }

    @DatabaseTest
    void chainedSetOperationsAndASetOperationAsASubquery(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var three = select(SHOP.name).from(SHOP).union(select(MARKET.name).from(MARKET))
                    .except(select(bind("date").as("name"))).orderBy(SHOP.name.asc());
            assertThat(column(conn, three, SHOP.name)).containsExactly("apple", "banana", "cherry", "elder");
            var names = select(SHOP.name).from(SHOP).unionAll(select(MARKET.name).from(MARKET)).as("names");
            var perName = select(names.get(SHOP.name), count().as("n")).from(names).groupBy(names.get(SHOP.name))
                    .having(count().gt(1L)).orderBy(names.get(SHOP.name));
            List<Row> rows = conn.execute(perName).all();
            assertThat(column(rows, names.get(SHOP.name))).containsExactly("apple", "banana", "cherry");
            assertThat(column(rows, count())).containsOnly(2L);
            var everywhere = select(SHOP.name).from(SHOP).where(SHOP.name.in(select(MARKET.name).from(MARKET)
                    .intersect(select(SHOP.name).from(SHOP)))).orderBy(SHOP.id);
            assertThat(column(conn, everywhere, SHOP.name)).containsExactly("banana", "cherry");
            var n = bind(1).as("n");
            var literal = select(n).unionAll(select(bind(2))).unionAll(select(bind(3))).orderBy(n.desc());
            assertThat(column(conn, literal, n)).containsExactly(3, 2, 1);
        });
    }
}
