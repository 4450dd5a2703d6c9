package dev.vellum.e2e.core;

import static dev.vellum.e2e.core.Fetch.column;
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.cte;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.sum;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Cte;
import dev.vellum.sql.ast.Expression;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** Common table expressions: plain, several at once, and WITH RECURSIVE walking a tree. */
class CteIT {
    private static final MetaData METADATA = new MetaData();
    private static final Nodes NODES = new Nodes();

    /** c_nodes: a tree through a self-referencing parent_id. */
    static final class Nodes extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<Long> parentId = column("parent_id", BIGINT);
        final Column<String> name = column("name", varchar(20)).notNull();
        final Column<Integer> size = column("size", INTEGER).notNull();

        Nodes() {
            super(METADATA, "c_nodes");
            foreignKey(List.of(parentId), List.of(id), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION);
        }
    }

    private Engine engine;

    @AfterEach
    void dropTables() {
        if (engine != null) {
            engine.dropAll(METADATA);
        }
    }

    /**
     * <pre>
     * root(1)
     * ├── docs(2)
     * │   ├── guide(4)
     * │   │   └── intro(7)
     * │   └── api(5)
     * └── src(3)
     *     └── main(6)
     * other(8)            a second root
     * </pre>
     */
    private Engine engine(TestDatabase db) {
        engine = db.createEngine();
        engine.dropAll(METADATA);
        engine.createAll(METADATA);
        engine.useTransaction(conn -> conn.execute(insert(NODES)
                .columns(NODES.id, NODES.parentId, NODES.name, NODES.size)
                .values(1L, null, "root", 1).values(2L, 1L, "docs", 2).values(3L, 1L, "src", 3)
                .values(4L, 2L, "guide", 4).values(5L, 2L, "api", 5).values(6L, 3L, "main", 6)
                .values(7L, 4L, "intro", 7).values(8L, null, "other", 8)));
        return engine;
    }

    @DatabaseTest
    void aCteIsQueriedLikeATable(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            Cte big = cte("big").as(select(NODES.id, NODES.name).from(NODES).where(NODES.size.ge(5)));
            var bigName = big.column("name", varchar(20));
            var query = select(bigName).from(big).orderBy(bigName).with(big);
            assertThat(column(conn, query, bigName)).containsExactly("api", "intro", "main", "other");

            Cte renamed = cte("kids", "kid", "parent").as(select(NODES.id, NODES.parentId).from(NODES)
                    .where(NODES.parentId.isNotNull()));
            var parent = renamed.column("parent", BIGINT);
            var perParent = select(NODES.name, count().as("kids")).from(NODES.join(renamed, parent.eq(NODES.id)))
                    .groupBy(NODES.name).orderBy(NODES.name).with(renamed);
            List<Row> rows = conn.execute(perParent).all();
            assertThat(column(rows, NODES.name)).containsExactly("docs", "guide", "root", "src");
            assertThat(column(rows, count())).containsExactly(2L, 1L, 2L, 1L);
        });
    }

    @DatabaseTest
    void severalCtesAndOneUsingAnother(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            Cte leaves = cte("leaves").as(select(NODES.id, NODES.size).from(NODES)
                    .where(NODES.id.notIn(select(NODES.parentId).from(NODES).where(NODES.parentId.isNotNull()))));
            var leafSize = leaves.column("size", INTEGER);
            Cte total = cte("total", "s").as(select(sum(leafSize)).from(leaves));
            var s = total.column("s", INTEGER);
            var query = select(leaves.column("id", BIGINT), leafSize, s).from(leaves, total).where(leafSize.ge(7))
                    .orderBy(leaves.column("id", BIGINT)).with(leaves, total);
            List<Row> rows = conn.execute(query).all();
            assertThat(column(rows, leaves.column("id", BIGINT))).containsExactly(7L, 8L);
            assertThat(column(rows, s)).as("5 + 6 + 7 + 8").containsOnly(26);
        });
    }

    @DatabaseTest
    void recursiveWalkDownATreeWithDepth(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            Cte tree = cte("tree", "id", "depth", "root_id");
            var treeId = tree.column("id", BIGINT);
            var depth = tree.column("depth", INTEGER);
            var rootId = tree.column("root_id", BIGINT);
            var roots = select(NODES.id, bind(0), NODES.id).from(NODES).where(NODES.parentId.isNull());
            var children = select(NODES.id, depth.plus(1), rootId).from(NODES.join(tree, NODES.parentId.eq(treeId)));
            var walk = select(treeId, depth, rootId).from(tree).orderBy(depth, treeId)
                    .withRecursive(tree.as(roots.unionAll(children)));
            List<Row> rows = conn.execute(walk).all();
            assertThat(column(rows, treeId)).containsExactly(1L, 8L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(column(rows, depth)).containsExactly(0, 0, 1, 1, 2, 2, 2, 3);
            assertThat(column(rows, rootId)).containsExactly(1L, 8L, 1L, 1L, 1L, 1L, 1L, 1L);

            var named = select(NODES.name, depth).from(NODES.join(tree, treeId.eq(NODES.id))).where(depth.ge(2))
                    .orderBy(NODES.name).withRecursive(tree.as(roots.unionAll(children)));
            assertThat(conn.execute(named).all().stream().map(r -> r.get(NODES.name) + "@" + r.get(depth)).toList())
                    .containsExactly("api@2", "guide@2", "intro@3", "main@2");
        });
    }

    @DatabaseTest
    void recursiveSubtreeJoinedBackToItsTable(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            Cte sub = cte("sub", "id");
            var subId = sub.column("id", BIGINT);
            Cte defined = sub.as(select(NODES.id).from(NODES).where(NODES.name.eq("docs"))
                    .unionAll(select(NODES.id).from(NODES.join(sub, NODES.parentId.eq(subId)))));
            var total = sum(NODES.size).as("total");
            var query = select(count().as("n"), total).from(NODES.join(sub, subId.eq(NODES.id)))
                    .withRecursive(defined);
            Row row = conn.execute(query).one();
            assertThat(row.get(count())).as("docs, guide, api, intro").isEqualTo(4L);
            assertThat(row.get(total)).isEqualTo(2 + 4 + 5 + 7);

            Cte up = cte("up", "id", "parent_id", "name", "level");
            Expression<Long> upParent = up.column("parent_id", BIGINT);
            var upName = up.column("name", varchar(20));
            var level = up.column("level", INTEGER);
            Cte ancestors = up.as(select(NODES.id, NODES.parentId, NODES.name, bind(0)).from(NODES)
                    .where(NODES.id.eq(7L))
                    .unionAll(select(NODES.id, NODES.parentId, NODES.name, level.plus(1))
                            .from(NODES.join(up, NODES.id.eq(upParent)))));
            assertThat(column(conn, select(upName).from(up).orderBy(level).withRecursive(ancestors), upName))
                    .as("walking up from intro").containsExactly("intro", "guide", "docs", "root");
        });
    }

    @DatabaseTest
    void recursiveCounterWithoutATable(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            Cte counter = cte("counter", "n");
            var n = counter.column("n", BIGINT);
            Cte defined = counter.as(select(bind(1L)).unionAll(select(n.plus(1L)).from(counter).where(n.lt(10L))));
            var total = sum(n).as("total");
            assertThat(conn.execute(select(count().as("c"), total).from(counter).withRecursive(defined)).one()
                    .get(total)).isEqualTo(55L);
            assertThat(column(conn, select(n).from(counter).where(n.gt(7L)).orderBy(n.desc()).withRecursive(defined),
                    n)).containsExactly(10L, 9L, 8L);
        });
    }
}
