package dev.vellum.e2e.core;

import static dev.vellum.e2e.core.Fetch.column;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.exists;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.max;
import static dev.vellum.sql.Sql.notExists;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.sum;
import static dev.vellum.sql.Sql.text;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.error.NotSupportedException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.Select;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;
import org.junit.jupiter.api.AfterEach;

/** Every kind of join, self-joins through aliases, derived tables and subqueries, run for real. */
class JoinIT {
    private static final MetaData METADATA = new MetaData();
    private static final Depts DEPTS = new Depts();
    private static final Emps EMPS = new Emps();

    /** j_depts: Eng and Sales have people, Empty has none. */
    static final class Depts extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> name = column("name", varchar(30)).notNull();

        Depts() {
            super(METADATA, "j_depts");
        }
    }

    /** j_emps: Dee has no department; managers point into the same table. */
    static final class Emps extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> name = column("name", varchar(30)).notNull();
        final Column<Long> deptId = column("dept_id", BIGINT).references(DEPTS.id);
        final Column<Long> managerId = column("manager_id", BIGINT);
        final Column<Integer> salary = column("salary", INTEGER).notNull();

        Emps() {
            super(METADATA, "j_emps");
            foreignKey(List.of(managerId), List.of(id), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
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
            conn.execute(insert(DEPTS).columns(DEPTS.id, DEPTS.name).values(1L, "Eng").values(2L, "Sales")
                    .values(3L, "Empty"));
            conn.execute(insert(EMPS).columns(EMPS.id, EMPS.name, EMPS.deptId, EMPS.managerId, EMPS.salary)
                    .values(1L, "Ada", 1L, null, 300)
                    .values(2L, "Bob", 1L, 1L, 200)
                    .values(3L, "Cy", 2L, 1L, 150)
                    .values(4L, "Dee", null, 2L, 100));
        });
        return engine;
    }

    /** "employee/department" per row, NULL spelled as "-". */
    private static List<String> pairs(List<Row> rows, Expression<String> left, Expression<String> right) {
        return rows.stream().map(r -> orDash(r.get(left)) + "/" + orDash(r.get(right))).toList();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    @DatabaseTest
    void innerAndLeftJoins(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var inner = select(EMPS.name, DEPTS.name).from(EMPS.join(DEPTS, EMPS.deptId.eq(DEPTS.id)))
                    .orderBy(EMPS.id);
            assertThat(pairs(conn.execute(inner).all(), EMPS.name, DEPTS.name))
                    .as("two columns named name stay apart").containsExactly("Ada/Eng", "Bob/Eng", "Cy/Sales");

            var stepwise = select(EMPS.name, DEPTS.name).from(EMPS).join(DEPTS, EMPS.deptId.eq(DEPTS.id))
                    .where(DEPTS.name.eq("Eng")).orderBy(EMPS.id);
            assertThat(pairs(conn.execute(stepwise).all(), EMPS.name, DEPTS.name))
                    .containsExactly("Ada/Eng", "Bob/Eng");

            var left = select(EMPS.name, DEPTS.name).from(EMPS.leftJoin(DEPTS, EMPS.deptId.eq(DEPTS.id)))
                    .orderBy(EMPS.id);
            assertThat(pairs(conn.execute(left).all(), EMPS.name, DEPTS.name))
                    .containsExactly("Ada/Eng", "Bob/Eng", "Cy/Sales", "Dee/-");

            var built = select(DEPTS.name, count(EMPS.id).as("people")).from(DEPTS)
                    .leftJoin(EMPS, EMPS.deptId.eq(DEPTS.id).and(EMPS.salary.gt(120)))
                    .groupBy(DEPTS.name).orderBy(DEPTS.name);
            List<Row> rows = conn.execute(built).all();
            assertThat(column(rows, DEPTS.name)).containsExactly("Empty", "Eng", "Sales");
            assertThat(column(rows, count(EMPS.id))).as("the ON condition filters before the outer join")
                    .containsExactly(0L, 2L, 1L);
        });
    }

    @DatabaseTest
    void rightJoinKeepsEveryRowOfTheRightSide(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var right = select(EMPS.name, DEPTS.name).from(EMPS.rightJoin(DEPTS, EMPS.deptId.eq(DEPTS.id)))
                    .orderBy(DEPTS.id, EMPS.id);
            assertThat(pairs(conn.execute(right).all(), EMPS.name, DEPTS.name))
                    .containsExactly("Ada/Eng", "Bob/Eng", "Cy/Sales", "-/Empty");
        });
    }

    @DatabaseTest
    void fullJoinKeepsBothSidesOrIsRefusedOnMariaDb(TestDatabase db) {
        var full = select(EMPS.name, DEPTS.name).from(EMPS.fullJoin(DEPTS, EMPS.deptId.eq(DEPTS.id)))
                .orderBy(EMPS.name.asc().nullsLast());
        if (db.db() == TestDb.MARIADB) {
            assertThatThrownBy(() -> engine(db).useTransaction(conn -> conn.execute(full)))
                    .isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining("FULL JOIN").hasMessageContaining("MariaDB");
            return;
        }
        engine(db).useTransaction(conn -> assertThat(pairs(conn.execute(full).all(), EMPS.name, DEPTS.name))
                .containsExactly("Ada/Eng", "Bob/Eng", "Cy/Sales", "Dee/-", "-/Empty"));
    }

    @DatabaseTest
    void selfJoinsThroughAliases(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var boss = EMPS.as("boss");
            var bossName = boss.get(EMPS.name).as("boss_name");
            var withBoss = select(EMPS.name, bossName).from(EMPS.join(boss, EMPS.managerId.eq(boss.get(EMPS.id))))
                    .orderBy(EMPS.id);
            assertThat(pairs(conn.execute(withBoss).all(), EMPS.name, bossName))
                    .containsExactly("Bob/Ada", "Cy/Ada", "Dee/Bob");

            var top = EMPS.as("top");
            var chain = select(EMPS.name, boss.get(EMPS.name), top.get(EMPS.name))
                    .from(EMPS.leftJoin(boss, EMPS.managerId.eq(boss.get(EMPS.id)))
                            .leftJoin(top, boss.get(EMPS.managerId).eq(top.get(EMPS.id))))
                    .orderBy(EMPS.id);
            List<Row> rows = conn.execute(chain).all();
            assertThat(column(rows, boss.get(EMPS.name))).containsExactly(null, "Ada", "Ada", "Bob");
            assertThat(column(rows, top.get(EMPS.name))).containsExactly(null, null, null, "Ada");

            var peers = EMPS.as("peer");
            var peerName = peers.get(EMPS.name).as("peer_name");
            var sameDept = EMPS.deptId.eq(peers.get(EMPS.deptId)).and(EMPS.id.lt(peers.get(EMPS.id)));
            assertThat(pairs(conn.execute(select(EMPS.name, peerName).from(EMPS.join(peers, sameDept))).all(),
                    EMPS.name, peerName)).containsExactly("Ada/Bob");
        });
    }

    @DatabaseTest
    void derivedTablesAreQueriedLikeTables(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var total = sum(EMPS.salary).as("total");
            var totals = select(EMPS.deptId, total, count().as("n")).from(EMPS).groupBy(EMPS.deptId).as("totals");
            var query = select(DEPTS.name, totals.get(total), totals.column("n", BIGINT))
                    .from(DEPTS.join(totals, totals.get(EMPS.deptId).eq(DEPTS.id)))
                    .orderBy(totals.get(total).desc());
            List<Row> rows = conn.execute(query).all();
            assertThat(column(rows, DEPTS.name)).containsExactly("Eng", "Sales");
            assertThat(column(rows, totals.get(total))).containsExactly(500, 150);
            assertThat(column(rows, totals.column("n", BIGINT))).containsExactly(2L, 1L);

            var rich = select(EMPS.id, EMPS.name).from(EMPS).where(EMPS.salary.ge(150)).as("rich");
            var fromDerived = select(rich.get(EMPS.name)).from(rich).where(rich.get(EMPS.id).gt(1L))
                    .orderBy(rich.get(EMPS.name));
            assertThat(column(conn, fromDerived, rich.get(EMPS.name))).containsExactly("Bob", "Cy");
        });
    }

    @DatabaseTest
    void scalarSubqueriesInTheSelectListAndTheWhereClause(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            Expression<String> deptName = select(DEPTS.name).from(DEPTS).where(DEPTS.id.eq(EMPS.deptId)).asScalar();
            var dept = deptName.as("dept");
            assertThat(pairs(conn.execute(select(EMPS.name, dept).from(EMPS).orderBy(EMPS.id)).all(), EMPS.name, dept))
                    .as("a correlated scalar subquery").containsExactly("Ada/Eng", "Bob/Eng", "Cy/Sales", "Dee/-");

            Expression<Integer> salesTop = select(max(EMPS.salary)).from(EMPS).where(EMPS.deptId.eq(2L)).asScalar();
            assertThat(column(conn, select(EMPS.name).from(EMPS).where(EMPS.salary.gt(salesTop)).orderBy(EMPS.id),
                    EMPS.name)).containsExactly("Ada", "Bob");

            var headcount = select(count()).from(EMPS).where(EMPS.deptId.eq(DEPTS.id)).<Long>asScalar().as("heads");
            List<Row> rows = conn.execute(select(DEPTS.name, headcount).from(DEPTS).orderBy(DEPTS.id)).all();
            assertThat(column(rows, headcount)).containsExactly(2L, 1L, 0L);
        });
    }

    @DatabaseTest
    void inAndExistsSubqueries(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            var engDepts = select(DEPTS.id).from(DEPTS).where(DEPTS.name.like("E%"));
            assertThat(column(conn, select(EMPS.name).from(EMPS).where(EMPS.deptId.in(engDepts)).orderBy(EMPS.id),
                    EMPS.name)).containsExactly("Ada", "Bob");
            assertThat(column(conn, select(EMPS.name).from(EMPS).where(EMPS.deptId.notIn(engDepts)).orderBy(EMPS.id),
                    EMPS.name)).as("NULL NOT IN (...) is unknown").containsExactly("Cy");

            var managers = select(EMPS.managerId).from(EMPS).where(EMPS.managerId.isNotNull());
            var boss = EMPS.as("b");
            assertThat(column(conn, select(boss.get(EMPS.name)).from(boss).where(boss.get(EMPS.id).in(managers))
                    .orderBy(boss.get(EMPS.id)), boss.get(EMPS.name))).containsExactly("Ada", "Bob");

            var staffed = exists(select(EMPS.id).from(EMPS).where(EMPS.deptId.eq(DEPTS.id)));
            assertThat(column(conn, select(DEPTS.name).from(DEPTS).where(staffed).orderBy(DEPTS.id), DEPTS.name))
                    .containsExactly("Eng", "Sales");
            var unstaffed = notExists(select(EMPS.id).from(EMPS).where(EMPS.deptId.eq(DEPTS.id)));
            assertThat(column(conn, select(DEPTS.name).from(DEPTS).where(unstaffed), DEPTS.name))
                    .containsExactly("Empty");
            var rich = select(EMPS.id).from(EMPS).where(EMPS.deptId.eq(DEPTS.id).and(EMPS.salary.ge(250))).exists();
            assertThat(column(conn, select(DEPTS.name).from(DEPTS).where(rich), DEPTS.name)).containsExactly("Eng");
        });
    }

    @DatabaseTest
    void anAmbiguousColumnIsAProgrammingError(TestDatabase db) {
        var ambiguous = text("SELECT name FROM j_emps, j_depts");
        engine(db).useTransaction(conn -> assertThatThrownBy(() -> conn.execute(ambiguous))
                .isInstanceOf(ProgrammingException.class).hasMessageContaining("name"));
    }

    @DatabaseTest
    void implicitFromTakesTheTablesOfTheColumns(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            Select implicit = select(EMPS.name, DEPTS.name).where(EMPS.deptId.eq(DEPTS.id)).orderBy(EMPS.id);
            assertThat(pairs(conn.execute(implicit).all(), EMPS.name, DEPTS.name))
                    .containsExactly("Ada/Eng", "Bob/Eng", "Cy/Sales");
            assertThat(conn.execute(select(EMPS.name, DEPTS.name)).all()).as("no WHERE: the cross product")
                    .hasSize(12);
            assertThat(column(conn, select(EMPS.name).where(EMPS.salary.lt(200)).orderBy(EMPS.name), EMPS.name))
                    .containsExactly("Cy", "Dee");
        });
    }
}
