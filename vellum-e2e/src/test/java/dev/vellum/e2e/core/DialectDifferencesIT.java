package dev.vellum.e2e.core;

import static dev.vellum.e2e.core.Fetch.column;
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.cast;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.cte;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.DATE;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.TIME;
import static dev.vellum.sql.SqlTypes.TIMESTAMP;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Cte;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/**
 * Constructs each database spells its own way, giving the same results everywhere: integer division (MariaDB
 * {@code DIV}), casts of text to dates on SQLite (TEXT, not NUMERIC affinity), a recursive CTE that casts to
 * {@code VARCHAR(n)} (MariaDB {@code CHAR(n)}), an INSERT ... SELECT upsert that does nothing (MariaDB's no-op
 * update qualified), and an IN subquery with its own LIMIT (a derived table on MariaDB).
 */
class DialectDifferencesIT {
    private static final MetaData METADATA = new MetaData();
    private static final Nodes NODES = new Nodes();
    private static final Stock STOCK = new Stock();
    private static final Delivery DELIVERY = new Delivery();

    /** p_nodes: a small tree (also rows to divide and to rank). */
    static final class Nodes extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<Long> parentId = column("parent_id", BIGINT);
        final Column<String> name = column("name", varchar(20)).notNull();
        final Column<Integer> size = column("size", INTEGER).notNull();

        Nodes() {
            super(METADATA, "p_nodes");
        }
    }

    /** p_stock: one row per SKU. */
    static final class Stock extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<String> sku = column("sku", varchar(20)).notNull().unique();
        final Column<Integer> qty = column("qty", INTEGER).notNull();

        Stock() {
            super(METADATA, "p_stock");
        }
    }

    /** p_delivery: rows to upsert from. */
    static final class Delivery extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> sku = column("sku", varchar(20)).notNull();
        final Column<Integer> qty = column("qty", INTEGER).notNull();

        Delivery() {
            super(METADATA, "p_delivery");
        }
    }

    private Engine engine;

    @AfterEach
    void dropTables() {
        if (engine != null) {
            engine.dropAll(METADATA);
        }
    }

    /** root(1) → docs(2) → guide(4) → intro(7); docs → api(5); root → src(3) → main(6); other(8). */
    private Engine engine(TestDatabase db) {
        engine = db.createEngine();
        engine.dropAll(METADATA);
        engine.createAll(METADATA);
        engine.useTransaction(conn -> {
            conn.execute(insert(NODES).columns(NODES.id, NODES.parentId, NODES.name, NODES.size)
                    .values(1L, null, "root", 1).values(2L, 1L, "docs", 2).values(3L, 1L, "src", 3)
                    .values(4L, 2L, "guide", 4).values(5L, 2L, "api", 5).values(6L, 3L, "main", 6)
                    .values(7L, 4L, "intro", 7).values(8L, null, "other", 8));
            conn.execute(insert(STOCK).columns(STOCK.sku, STOCK.qty).values("apple", 10).values("pear", 0));
            conn.execute(insert(DELIVERY).columns(DELIVERY.id, DELIVERY.sku, DELIVERY.qty).values(1L, "apple", 5)
                    .values(2L, "kiwi", 7));
        });
        return engine;
    }

    /** From QueryIT. MariaDB: {@code /} of two integers is a DECIMAL (2.5000), which an Integer cannot hold. */
    @DatabaseTest
    void integerDivisionTruncatesOnEveryDatabase(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var half = NODES.size.dividedBy(2).as("half");
            assertThat(column(conn, select(half).where(NODES.id.in(4L, 5L, 7L)).orderBy(NODES.id), half))
                    .containsExactly(2, 2, 3);
        });
    }

    /** From QueryIT. SQLite: DATE, TIMESTAMP and TIME have NUMERIC affinity, so CAST('2024-05-01' AS DATE) is 2024. */
    @DatabaseTest
    void castOfTextToDatesAndTimes(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var day = cast(bind("2024-05-01"), DATE).as("day");
            var stamp = cast(bind("2024-05-01 12:30:45"), TIMESTAMP).as("stamp");
            var time = cast(bind("12:30:45"), TIME).as("t");
            Row row = conn.execute(select(day, stamp, time)).one();
            assertThat(row.get(day)).isEqualTo(LocalDate.of(2024, 5, 1));
            assertThat(row.get(stamp)).isEqualTo(LocalDateTime.of(2024, 5, 1, 12, 30, 45));
            assertThat(row.get(time)).isEqualTo(LocalTime.of(12, 30, 45));
        });
    }

    /**
     * From CteIT. MariaDB: CAST(x AS VARCHAR(200)) compiles to CAST(x AS CHAR), which keeps x's width (20), so the
     * recursive part's longer paths fail with "Data too long for column 'path'".
     */
    @DatabaseTest
    void recursiveWalkDownATreeWithDepthAndPath(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            Cte tree = cte("tree", "id", "depth", "path");
            var treeId = tree.column("id", BIGINT);
            var depth = tree.column("depth", INTEGER);
            var path = tree.column("path", varchar(200));
            var roots = select(NODES.id, bind(0), NODES.name.cast(varchar(200))).from(NODES)
                    .where(NODES.parentId.isNull());
            var children = select(NODES.id, depth.plus(1), path.concat("/").concat(NODES.name).cast(varchar(200)))
                    .from(NODES.join(tree, NODES.parentId.eq(treeId)));
            var walk = select(treeId, depth, path).from(tree).orderBy(path).withRecursive(tree.as(roots
                    .unionAll(children)));
            List<Row> rows = conn.execute(walk).all();
            assertThat(column(rows, path)).containsExactly("other", "root", "root/docs", "root/docs/api",
                    "root/docs/guide", "root/docs/guide/intro", "root/src", "root/src/main");
            assertThat(column(rows, depth)).containsExactly(0, 0, 1, 2, 2, 3, 1, 2);
            assertThat(column(rows, treeId)).containsExactly(8L, 1L, 2L, 5L, 4L, 7L, 3L, 6L);
        });
    }

    /**
     * From DmlIT. MariaDB: doNothing() compiles to ON DUPLICATE KEY UPDATE sku = sku, and after INSERT ... SELECT
     * FROM p_delivery the bare sku is ambiguous (error 1052).
     */
    @DatabaseTest
    void insertSelectUpsertThatDoesNothing(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            conn.execute(insert(STOCK).columns(STOCK.sku, STOCK.qty).select(select(DELIVERY.sku, DELIVERY.qty)
                    .from(DELIVERY)).onConflict(STOCK.sku).doNothing());
            assertThat(conn.execute(select(count()).from(STOCK)).one().get(count())).isEqualTo(3L);
            assertThat(conn.execute(select(STOCK.qty).where(STOCK.sku.eq("apple"))).one().get(STOCK.qty))
                    .as("the existing row is left alone").isEqualTo(10);
        });
    }

    /**
     * From JoinIT. MariaDB refuses LIMIT in an IN subquery (error 1235, "doesn't yet support 'LIMIT &amp;
     * IN/ALL/ANY/SOME subquery'").
     */
    @DatabaseTest
    void inSubqueryWithItsOwnOrderAndLimit(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var topTwo = select(NODES.id).from(NODES).orderBy(NODES.size.desc()).limit(2);
            assertThat(column(conn, select(NODES.name).from(NODES).where(NODES.id.in(topTwo)).orderBy(NODES.id),
                    NODES.name)).containsExactly("intro", "other");
        });
    }
}
