package dev.vellum.e2e.core;

import static dev.vellum.e2e.core.Fetch.column;
import static dev.vellum.sql.Sql.and;
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.case_;
import static dev.vellum.sql.Sql.cast;
import static dev.vellum.sql.Sql.coalesce;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.currentTimestamp;
import static dev.vellum.sql.Sql.func;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.isTrue;
import static dev.vellum.sql.Sql.length;
import static dev.vellum.sql.Sql.lower;
import static dev.vellum.sql.Sql.not;
import static dev.vellum.sql.Sql.or;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.upper;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.BOOLEAN;
import static dev.vellum.sql.SqlTypes.DOUBLE;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.TEXT;
import static dev.vellum.sql.SqlTypes.numeric;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Select;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** WHERE, operators, LIKE, IN, NULL handling, CASE, CAST, concatenation, arithmetic and functions, run for real. */
class QueryIT {
    private static final MetaData METADATA = new MetaData();
    private static final Items ITEMS = new Items();

    /** q_items: five rows with NULLs sprinkled over every nullable column. */
    static final class Items extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> name = column("name", varchar(50)).notNull();
        final Column<String> code = column("code", varchar(20));
        final Column<Integer> qty = column("qty", INTEGER);
        final Column<Integer> reorder = column("reorder_at", INTEGER);
        final Column<BigDecimal> price = column("price", numeric(10, 2));
        final Column<Double> weight = column("weight", DOUBLE);
        final Column<Boolean> active = column("active", BOOLEAN);

        Items() {
            super(METADATA, "q_items");
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
        engine.useTransaction(conn -> conn.execute(insert(ITEMS)
                .columns(ITEMS.id, ITEMS.name, ITEMS.code, ITEMS.qty, ITEMS.reorder, ITEMS.price, ITEMS.weight,
                        ITEMS.active)
                .values(1L, "Apple", "A_1", 10, 5, new BigDecimal("1.50"), 0.25, true)
                .values(2L, "banana", "B%2", 5, 8, new BigDecimal("0.25"), 0.125, false)
                .values(3L, "Cherry", "C_3", null, 2, new BigDecimal("12.00"), null, true)
                .values(4L, "apple pie", null, 7, null, new BigDecimal("8.75"), 1.0, null)
                .values(5L, "Crème brûlée", "AB1", 0, 1, null, 0.5, false)));
        return engine;
    }

    private static List<Long> ids(Connection conn, Condition where) {
        return column(conn, select(ITEMS.id).where(where).orderBy(ITEMS.id), ITEMS.id);
    }

    @DatabaseTest
    void comparisonsWithValuesAndWithOtherColumns(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            assertThat(ids(conn, ITEMS.qty.eq(5))).containsExactly(2L);
            assertThat(ids(conn, ITEMS.qty.ne(5))).as("NULL is neither equal nor unequal").containsExactly(1L, 4L, 5L);
            assertThat(ids(conn, ITEMS.qty.lt(7))).containsExactly(2L, 5L);
            assertThat(ids(conn, ITEMS.qty.le(7))).containsExactly(2L, 4L, 5L);
            assertThat(ids(conn, ITEMS.qty.gt(7))).containsExactly(1L);
            assertThat(ids(conn, ITEMS.qty.ge(7))).containsExactly(1L, 4L);
            assertThat(ids(conn, ITEMS.qty.lt(ITEMS.reorder))).as("column against column").containsExactly(2L, 5L);
            assertThat(ids(conn, ITEMS.price.gt(new BigDecimal("1.5")))).containsExactly(3L, 4L);
            assertThat(ids(conn, ITEMS.weight.le(0.25))).containsExactly(1L, 2L);
            assertThat(ids(conn, ITEMS.name.eq("Crème brûlée"))).containsExactly(5L);
            assertThat(ids(conn, ITEMS.name.gt("apple")).size()).as("text ordering is the database's").isPositive();
        });
    }

    @DatabaseTest
    void andOrNotCombineAndEmptyJunctionsAreTrueAndFalse(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            assertThat(ids(conn, ITEMS.qty.gt(1).and(ITEMS.price.lt(new BigDecimal("5"))))).containsExactly(1L, 2L);
            assertThat(ids(conn, ITEMS.qty.eq(0).or(ITEMS.qty.eq(10)))).containsExactly(1L, 5L);
            assertThat(ids(conn, and(ITEMS.qty.gt(1), or(ITEMS.id.eq(2L), ITEMS.id.eq(4L)))))
                    .as("(a) AND (b OR c) keeps its parentheses").containsExactly(2L, 4L);
            assertThat(ids(conn, or(and(ITEMS.qty.gt(6), ITEMS.qty.lt(8)), ITEMS.id.eq(3L))))
                    .containsExactly(3L, 4L);
            assertThat(ids(conn, not(ITEMS.qty.gt(5)))).containsExactly(2L, 5L);
            assertThat(ids(conn, ITEMS.qty.gt(5).not())).containsExactly(2L, 5L);
            assertThat(ids(conn, not(or(ITEMS.id.eq(1L), ITEMS.id.eq(2L))))).containsExactly(3L, 4L, 5L);
            assertThat(ids(conn, and())).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(ids(conn, or())).isEmpty();
            assertThat(ids(conn, isTrue(ITEMS.active))).containsExactly(1L, 3L);
            assertThat(ids(conn, not(isTrue(ITEMS.active)))).containsExactly(2L, 5L);
            assertThat(ids(conn, ITEMS.active.eq(false))).containsExactly(2L, 5L);
            Select twoWheres = select(ITEMS.id).where(ITEMS.qty.gt(1)).where(ITEMS.qty.lt(10)).orderBy(ITEMS.id);
            assertThat(column(conn, twoWheres, ITEMS.id)).as("where() twice ANDs").containsExactly(2L, 4L);
        });
    }

    @DatabaseTest
    void likeWithWildcardsAndEscapes(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            assertThat(ids(conn, ITEMS.code.like("A%"))).containsExactly(1L, 5L);
            assertThat(ids(conn, ITEMS.code.like("A_1"))).as("_ is any one character").containsExactly(1L, 5L);
            assertThat(ids(conn, ITEMS.code.like("A\\_1", '\\'))).as("escaped _ is literal").containsExactly(1L);
            assertThat(ids(conn, ITEMS.code.like("%!_%", '!'))).containsExactly(1L, 3L);
            assertThat(ids(conn, ITEMS.code.like("B!%_", '!'))).as("escaped %").containsExactly(2L);
            assertThat(ids(conn, ITEMS.code.like("%\\%%", '\\'))).containsExactly(2L);
            assertThat(ids(conn, ITEMS.code.notLike("A%"))).as("NULL is not NOT LIKE either").containsExactly(2L, 3L);
            assertThat(ids(conn, ITEMS.name.like("C%"))).containsExactly(3L, 5L);
            assertThat(ids(conn, ITEMS.name.like("Cr%"))).containsExactly(5L);
            assertThat(ids(conn, ITEMS.name.like("%brûlée"))).containsExactly(5L);
        });
    }

    @DatabaseTest
    void ilikeIgnoresCaseEverywhere(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            assertThat(ids(conn, ITEMS.name.ilike("APPLE%"))).containsExactly(1L, 4L);
            assertThat(ids(conn, ITEMS.name.ilike("%PIE"))).containsExactly(4L);
            assertThat(ids(conn, ITEMS.name.ilike("b_NANA"))).containsExactly(2L);
            assertThat(ids(conn, ITEMS.code.ilike("a\\_%", '\\'))).containsExactly(1L);
            assertThat(ids(conn, ITEMS.code.ilike("c!_3", '!'))).containsExactly(3L);
        });
    }

    @DatabaseTest
    void betweenIsInclusive(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            assertThat(ids(conn, ITEMS.qty.between(5, 10))).containsExactly(1L, 2L, 4L);
            assertThat(ids(conn, ITEMS.price.between(new BigDecimal("0.25"), new BigDecimal("8.75"))))
                    .containsExactly(1L, 2L, 4L);
            assertThat(ids(conn, ITEMS.name.between("C", "D"))).containsExactly(3L, 5L);
            assertThat(ids(conn, ITEMS.qty.between(5, 10).not())).containsExactly(5L);
        });
    }

    @DatabaseTest
    void inAndNotInListsIncludingEmptyOnes(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            assertThat(ids(conn, ITEMS.id.in(List.of(1L, 3L, 99L)))).containsExactly(1L, 3L);
            assertThat(ids(conn, ITEMS.name.in("Apple", "banana", "nope"))).containsExactly(1L, 2L);
            assertThat(ids(conn, ITEMS.id.in(4L))).containsExactly(4L);
            assertThat(ids(conn, ITEMS.id.notIn(List.of(1L, 2L)))).containsExactly(3L, 4L, 5L);
            assertThat(ids(conn, ITEMS.qty.notIn(List.of(10)))).as("NULL NOT IN (...) is unknown")
                    .containsExactly(2L, 4L, 5L);
            assertThat(ids(conn, ITEMS.id.in(List.of()))).isEmpty();
            assertThat(ids(conn, ITEMS.id.notIn(List.of()))).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(ids(conn, ITEMS.qty.notIn(List.of()))).as("an empty NOT IN is true, even for NULL")
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(ids(conn, ITEMS.id.in(List.of()).or(ITEMS.id.eq(2L)))).containsExactly(2L);
            assertThat(ids(conn, not(ITEMS.id.in(List.of())))).containsExactly(1L, 2L, 3L, 4L, 5L);
        });
    }

    @DatabaseTest
    void nullsCompareWithIsNullAndSortWhereAsked(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            assertThat(ids(conn, ITEMS.qty.isNull())).containsExactly(3L);
            assertThat(ids(conn, ITEMS.qty.isNotNull())).containsExactly(1L, 2L, 4L, 5L);
            assertThat(ids(conn, ITEMS.code.eq((String) null))).as("eq(null) is IS NULL").containsExactly(4L);
            assertThat(ids(conn, ITEMS.code.ne((String) null))).containsExactly(1L, 2L, 3L, 5L);
            assertThat(ids(conn, ITEMS.active.isNull().or(ITEMS.price.isNull()))).containsExactly(4L, 5L);

            var byQty = select(ITEMS.id).from(ITEMS);
            assertThat(column(conn, byQty.orderBy(ITEMS.qty.asc().nullsFirst()), ITEMS.id))
                    .containsExactly(3L, 5L, 2L, 4L, 1L);
            assertThat(column(conn, byQty.orderBy(ITEMS.qty.asc().nullsLast()), ITEMS.id))
                    .containsExactly(5L, 2L, 4L, 1L, 3L);
            assertThat(column(conn, byQty.orderBy(ITEMS.qty.desc().nullsFirst()), ITEMS.id))
                    .containsExactly(3L, 1L, 4L, 2L, 5L);
            assertThat(column(conn, byQty.orderBy(ITEMS.qty.desc().nullsLast()), ITEMS.id))
                    .containsExactly(1L, 4L, 2L, 5L, 3L);
            assertThat(column(conn, byQty.orderBy(ITEMS.reorder.desc().nullsLast(), ITEMS.id.desc()), ITEMS.id))
                    .containsExactly(2L, 1L, 3L, 5L, 4L);

            var qty = coalesce(ITEMS.qty, -1).as("qty_or");
            assertThat(column(conn, select(qty).orderBy(ITEMS.id), qty)).containsExactly(10, 5, -1, 7, 0);
            var firstKnown = coalesce(ITEMS.code, ITEMS.name).as("label");
            assertThat(column(conn, select(firstKnown).where(ITEMS.id.in(3L, 4L)).orderBy(ITEMS.id), firstKnown))
                    .containsExactly("C_3", "apple pie");
            Row counts = conn.execute(select(count().as("all_rows"), count(ITEMS.qty).as("known"))).one();
            assertThat(counts.get(count())).isEqualTo(5L);
            assertThat(counts.get(count(ITEMS.qty))).as("count(x) skips NULLs").isEqualTo(4L);
        });
    }

    @DatabaseTest
    void caseWhenPicksTheFirstBranchThatHolds(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var stock = case_(ITEMS.qty.ge(10), "plenty").when(ITEMS.qty.gt(0), "some").otherwise("none")
                    .as("stock");
            assertThat(column(conn, select(stock).orderBy(ITEMS.id), stock))
                    .containsExactly("plenty", "some", "none", "some", "none");
            var noElse = case_(ITEMS.active.eq(true), "yes").as("flag");
            assertThat(column(conn, select(noElse).orderBy(ITEMS.id), noElse))
                    .as("no ELSE gives NULL").containsExactly("yes", null, "yes", null, null);
            var shortage = case_(ITEMS.qty.lt(ITEMS.reorder), ITEMS.reorder.minus(ITEMS.qty)).otherwise(0)
                    .as("shortage");
            assertThat(column(conn, select(shortage).orderBy(ITEMS.id), shortage)).containsExactly(0, 3, 0, 0, 1);
            assertThat(ids(conn, case_(ITEMS.qty.isNull(), 1).otherwise(0).eq(1))).containsExactly(3L);
        });
    }

    @DatabaseTest
    void castConvertsBetweenTypes(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var asText = cast(ITEMS.qty, varchar(10)).as("qty_text");
            assertThat(column(conn, select(asText).where(ITEMS.id.in(1L, 3L)).orderBy(ITEMS.id), asText))
                    .containsExactly("10", null);
            var asInt = cast(bind("42"), INTEGER).as("answer");
            assertThat(conn.execute(select(asInt)).one().get(asInt)).isEqualTo(42);
            var asBig = cast(ITEMS.qty, BIGINT).plus(1L).as("big");
            assertThat(column(conn, select(asBig).where(ITEMS.id.eq(1L)), asBig)).containsExactly(11L);
            var asDecimal = cast(ITEMS.weight, numeric(10, 3)).as("w");
            assertThat(conn.execute(select(asDecimal).where(ITEMS.id.eq(2L))).one().get(asDecimal))
                    .isEqualByComparingTo("0.125");
            var asDouble = cast(ITEMS.price, DOUBLE).times(2.0).as("twice");
            assertThat(conn.execute(select(asDouble).where(ITEMS.id.eq(1L))).one().get(asDouble))
                    .isCloseTo(3.0, within(1e-9));
            var numericText = cast(ITEMS.code, TEXT).concat("!").as("shout");
            assertThat(conn.execute(select(numericText).where(ITEMS.id.eq(5L))).one().get(numericText))
                    .isEqualTo("AB1!");
        });
    }

    @DatabaseTest
    void conditionsAreBooleanValues(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var big = ITEMS.qty.gt(5).as("big");
            assertThat(column(conn, select(big).orderBy(ITEMS.id), big))
                    .containsExactly(true, false, null, true, false);
            assertThat(ids(conn, ITEMS.active.eq(ITEMS.qty.gt(5)))).as("a = (b > c)").containsExactly(1L, 2L, 5L);
            var either = ITEMS.qty.lt(1).or(ITEMS.qty.gt(9)).as("either");
            assertThat(column(conn, select(either).where(ITEMS.id.in(1L, 2L, 5L)).orderBy(ITEMS.id), either))
                    .containsExactly(true, false, true);
        });
    }

    @DatabaseTest
    void concatenationOfColumnsAndValues(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var label = ITEMS.name.concat(" [").concat(ITEMS.code).concat("]").as("label");
            assertThat(column(conn, select(label).where(ITEMS.id.in(1L, 5L)).orderBy(ITEMS.id), label))
                    .containsExactly("Apple [A_1]", "Crème brûlée [AB1]");
            var withNumber = ITEMS.code.concat("-").concat(ITEMS.qty).as("code_qty");
            assertThat(conn.execute(select(withNumber).where(ITEMS.id.eq(2L))).one().get(withNumber))
                    .isEqualTo("B%2-5");
            var withNull = ITEMS.name.concat(ITEMS.code).as("with_null");
            assertThat(conn.execute(select(withNull).where(ITEMS.id.eq(4L))).one().get(withNull))
                    .as("NULL in a concatenation gives NULL").isNull();
            assertThat(ids(conn, ITEMS.name.concat("!").eq("Apple!"))).containsExactly(1L);
        });
    }

    @DatabaseTest
    void arithmeticKeepsPrecedence(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var plus = ITEMS.qty.plus(1).as("plus");
            var minus = ITEMS.qty.minus(ITEMS.reorder).as("minus");
            var times = ITEMS.qty.plus(1).times(2).as("times");
            var nested = ITEMS.qty.times(ITEMS.qty.minus(2)).as("nested");
            var money = ITEMS.price.times(new BigDecimal("3")).minus(new BigDecimal("0.50")).as("money");
            var half = ITEMS.weight.dividedBy(2.0).as("half");
            Row row = conn.execute(select(plus, minus, times, nested, money, half).where(ITEMS.id.eq(1L))).one();
            assertThat(row.get(plus)).isEqualTo(11);
            assertThat(row.get(minus)).isEqualTo(5);
            assertThat(row.get(times)).as("(qty + 1) * 2, not qty + 2").isEqualTo(22);
            assertThat(row.get(nested)).isEqualTo(80);
            assertThat(row.get(money)).isEqualByComparingTo("4.00");
            assertThat(row.get(half)).isEqualTo(0.125);
            assertThat(ids(conn, ITEMS.qty.times(2).gt(ITEMS.reorder.plus(5)))).containsExactly(1L);
            Row nulls = conn.execute(select(plus, minus).where(ITEMS.id.eq(3L))).one();
            assertThat(nulls.get(plus)).as("arithmetic on NULL gives NULL").isNull();
            assertThat(nulls.get(minus)).isNull();
        });
    }

    @DatabaseTest
    void scalarFunctions(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var lo = lower(ITEMS.name).as("lo");
            var up = upper(ITEMS.name).as("up");
            var len = length(ITEMS.name).as("len");
            var abs = func("abs", INTEGER, ITEMS.qty.minus(20)).as("dist");
            Row apple = conn.execute(select(lo, up, len, abs).where(ITEMS.id.eq(1L))).one();
            assertThat(apple.get(lo)).isEqualTo("apple");
            assertThat(apple.get(up)).isEqualTo("APPLE");
            assertThat(apple.get(len)).isEqualTo(5);
            assertThat(apple.get(abs)).isEqualTo(10);
            assertThat(conn.execute(select(len).where(ITEMS.id.eq(5L))).one().get(len))
                    .as("length counts characters, not bytes").isEqualTo(12);
            assertThat(ids(conn, lower(ITEMS.name).eq("apple pie"))).containsExactly(4L);
            assertThat(ids(conn, length(ITEMS.code).gt(2))).containsExactly(1L, 2L, 3L, 5L);

            var now = currentTimestamp().as("now");
            LocalDateTime serverNow = conn.execute(select(now)).one().get(now);
            assertThat(Duration.between(serverNow, LocalDateTime.now(ZoneOffset.UTC)).abs())
                    .as("CURRENT_TIMESTAMP is now, in UTC").isLessThan(Duration.ofMinutes(5));
            var constant = bind(7).as("seven");
            assertThat(conn.execute(select(constant)).one().get(constant)).isEqualTo(7);
        });
    }

    @DatabaseTest
    void orderLimitOffsetAndDistinct(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            Select byName = select(ITEMS.id).from(ITEMS).orderBy(ITEMS.price.desc().nullsLast(), ITEMS.id.asc());
            assertThat(column(conn, byName, ITEMS.id)).containsExactly(3L, 4L, 1L, 2L, 5L);
            assertThat(column(conn, byName.limit(2), ITEMS.id)).containsExactly(3L, 4L);
            assertThat(column(conn, byName.limit(2).offset(2), ITEMS.id)).containsExactly(1L, 2L);
            assertThat(column(conn, byName.offset(3), ITEMS.id)).as("an offset alone").containsExactly(2L, 5L);
            assertThat(column(conn, byName.limit(0), ITEMS.id)).isEmpty();
            var active = select(ITEMS.active).distinct().where(ITEMS.active.isNotNull())
                    .orderBy(ITEMS.active.asc());
            assertThat(column(conn, active, ITEMS.active)).containsExactly(false, true);
            var flag = case_(ITEMS.qty.gt(5), "big").otherwise("small").as("size");
            assertThat(column(conn, select(flag).distinct().orderBy(flag.desc()), flag))
                    .as("ORDER BY a label").containsExactly("small", "big");
        });
    }
}
