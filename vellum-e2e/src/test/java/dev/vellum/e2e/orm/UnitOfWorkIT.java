package dev.vellum.e2e.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import dev.vellum.e2e.orm.UnitOfWorkModel.Account;
import dev.vellum.e2e.orm.UnitOfWorkModel.Contact;
import dev.vellum.e2e.orm.UnitOfWorkModel.Dept;
import dev.vellum.e2e.orm.UnitOfWorkModel.Employee;
import dev.vellum.e2e.orm.UnitOfWorkModel.Item;
import dev.vellum.e2e.orm.UnitOfWorkModel.Member;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.orm.Metamodel;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Session;
import dev.vellum.sql.Column;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.Queries;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;
import org.junit.jupiter.api.AfterEach;

/** The flush: foreign-key order for inserts and deletes, cycles, changed columns only, autoflush, identity map. */
class UnitOfWorkIT {
    private static final Column<String> ITEM_NAME = Metamodel.column(Item.class, "name", String.class);
    private static final Column<Integer> ITEM_QTY = Metamodel.column(Item.class, "qty", Integer.class);
    private static final int STAFF = 50;

    private Engine engine;
    private final List<Orm> orms = new ArrayList<>();

    private Orm orm(TestDatabase db, Class<?>... entities) {
        if (engine == null) {
            engine = db.createEngine();
        }
        Orm orm = Orm.create(engine, entities);
        orm.dropAll();
        orm.createAll();
        orms.add(orm);
        return orm;
    }

    @AfterEach
    void drop() {
        for (Orm orm : orms.reversed()) {
            orm.dropAll();
        }
        orms.clear();
        engine = null;
    }

    private List<List<Object>> rows(String sql) {
        try (var conn = engine.connect(); var result = conn.execute(sql)) {
            return result.all().stream().map(Row::values).map(v -> v.stream()
                    .map(x -> x instanceof Number n ? (Object) n.longValue() : x).toList()).toList();
        }
    }

    /** {@code INSERT INTO t} or {@code UPDATE t} of a statement. */
    private static String verbAndTable(String sql) {
        return sql.replaceAll("(?s)^(INSERT INTO|UPDATE|DELETE FROM) (\\w+).*", "$1 $2");
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @DatabaseTest
    void childrenAddedBeforeTheirParentAreInsertedAfterIt(TestDatabase db) {
        Orm orm = orm(db, UnitOfWorkModel.ALL);
        try (Session sess = orm.session()) {
            var sales = new Dept("sales");
            sess.add(new Member("m1", sales));
            sess.add(new Member("m2", sales));
            sess.add(sales);
            sess.commit();
        }
        assertThat(rows("SELECT m.name, d.name FROM uow_member m JOIN uow_dept d ON d.id = m.dept_id ORDER BY m.name"))
                .containsExactly(row("m1", "sales"), row("m2", "sales"));
    }

    private static final String MANAGERS = "SELECT e.name, m.name FROM uow_employee e LEFT JOIN uow_employee m"
            + " ON m.id = e.manager_id";

    @DatabaseTest
    void selfReferencingChainAndTreeInOneFlush(TestDatabase db) {
        Orm orm = orm(db, UnitOfWorkModel.ALL);
        try (Session sess = orm.session()) {
            var chain = new ArrayList<Employee>();
            for (int i = 0; i < STAFF; i++) {
                chain.add(new Employee("c" + i, i == 0 ? null : chain.get(i - 1)));
            }
            sess.addAll(chain.reversed());
            var tree = new ArrayList<Employee>();
            for (int i = 0; i < STAFF; i++) {
                tree.add(new Employee("t" + i, i == 0 ? null : tree.get((i - 1) / 2)));
            }
            Collections.shuffle(tree, new Random(7));
            sess.addAll(tree);
            List<String> sent = Queries.recorded(sess::flush);
            assertThat(sent).as("one INSERT per level of the chain; the tree's 6 levels share them")
                    .hasSize(STAFF).allSatisfy(sql -> assertThat(sql).startsWith("INSERT"));
            sess.commit();
        }
        var expected = new ArrayList<List<Object>>();
        for (int i = 0; i < STAFF; i++) {
            expected.add(row("c" + i, i == 0 ? null : "c" + (i - 1)));
            expected.add(row("t" + i, i == 0 ? null : "t" + (i - 1) / 2));
        }
        assertThat(rows(MANAGERS)).containsExactlyInAnyOrderElementsOf(expected);

        try (Session sess = orm.session()) {
            List<Employee> all = sess.select(Employee.class).all();
            assertThat(all).hasSize(2 * STAFF);
            Collections.shuffle(all, new Random(11));
            all.forEach(sess::delete);
            sess.commit();
        }
        assertThat(rows("SELECT COUNT(*) FROM uow_employee")).containsExactly(row(0L));
    }

    @DatabaseTest
    void rowCycleIsBrokenWithANullKeyThenAnUpdate(TestDatabase db) {
        Orm orm = orm(db, UnitOfWorkModel.ALL);
        try (Session sess = orm.session()) {
            var ann = new Employee("ann", null);
            var bob = new Employee("bob", ann);
            ann.manager = bob;
            sess.add(ann);
            sess.add(bob);
            List<String> sent = Queries.recorded(sess::flush);
            assertThat(sent).hasSize(3);
            assertThat(sent.get(2)).startsWith("UPDATE");
            sess.commit();
        }
        assertThat(rows(MANAGERS + " ORDER BY e.name")).containsExactly(row("ann", "bob"), row("bob", "ann"));
    }

    /**
     * Two tables whose foreign keys refer to each other. Orm.createAll cannot create them (it creates each table with
     * its foreign keys, so one of them refers to a table not there yet), so the test writes the DDL itself.
     */
    @DatabaseTest
    void cycleAcrossTwoTables(TestDatabase db) {
        engine = db.createEngine();
        Orm orm = Orm.create(engine, Account.class, Contact.class);
        boolean sqlite = db.db() == TestDb.SQLITE;
        try (var conn = engine.connect()) {
            conn.execute(db.ddl("CREATE TABLE uow_account (id {pk}, name VARCHAR(255), primary_contact_id BIGINT"
                    + (sqlite ? " REFERENCES uow_contact (id))" : ")")));
            conn.execute(db.ddl("CREATE TABLE uow_contact (id {pk}, name VARCHAR(255),"
                    + " account_id BIGINT NOT NULL REFERENCES uow_account (id))"));
            if (!sqlite) {
                conn.execute("ALTER TABLE uow_account ADD FOREIGN KEY (primary_contact_id)"
                        + " REFERENCES uow_contact (id)");
            }
            conn.commit();
        }
        try {
            try (Session sess = orm.session()) {
                var acme = new Account("acme");
                var wile = new Contact("wile", acme);
                acme.primaryContact = wile;
                sess.add(wile);
                sess.add(acme);
                assertThat(Queries.recorded(sess::flush)).extracting(UnitOfWorkIT::verbAndTable)
                        .containsExactly("INSERT INTO uow_account", "INSERT INTO uow_contact", "UPDATE uow_account");
                sess.commit();
            }
            assertThat(rows("SELECT a.name, c.name, c2.name FROM uow_account a JOIN uow_contact c"
                    + " ON c.id = a.primary_contact_id JOIN uow_account c2 ON c2.id = c.account_id"))
                    .containsExactly(row("acme", "wile", "acme"));
        } finally {
            try (var conn = engine.connect()) {
                conn.execute("UPDATE uow_account SET primary_contact_id = NULL");
                conn.execute("DELETE FROM uow_contact");
                conn.execute("DELETE FROM uow_account");
                if (db.db() == TestDb.POSTGRESQL) {
                    conn.execute("DROP TABLE uow_contact, uow_account");
                } else {
                    conn.execute(db.db() == TestDb.MARIADB ? "SET foreign_key_checks = 0" : "SELECT 1");
                    conn.execute("DROP TABLE uow_contact");
                    conn.execute("DROP TABLE uow_account");
                    conn.execute(db.db() == TestDb.MARIADB ? "SET foreign_key_checks = 1" : "SELECT 1");
                }
                conn.commit();
            }
        }
    }

    @DatabaseTest
    void deletesGoChildrenFirst(TestDatabase db) {
        Orm orm = orm(db, UnitOfWorkModel.ALL);
        try (Session sess = orm.session()) {
            var sales = new Dept("sales");
            sess.add(sales);
            sess.add(new Member("m1", sales));
            sess.add(new Member("m2", sales));
            sess.add(new Dept("ops"));
            sess.commit();
        }
        try (Session sess = orm.session()) {
            Dept sales = sess.select(Dept.class).where(Metamodel.column(Dept.class, "name", String.class)
                    .eq("sales")).one();
            List<Member> members = sess.select(Member.class).all();
            sess.delete(sales);
            members.forEach(sess::delete);
            sess.commit();
        }
        assertThat(rows("SELECT name FROM uow_dept")).containsExactly(row("ops"));
        assertThat(rows("SELECT COUNT(*) FROM uow_member")).containsExactly(row(0L));
    }

    @DatabaseTest
    void flushWritesOnlyTheChangedColumns(TestDatabase db) {
        Orm orm = orm(db, UnitOfWorkModel.ALL);
        long id;
        try (Session sess = orm.session()) {
            var item = new Item("pen", 1);
            item.note = "blue";
            sess.add(item);
            sess.commit();
            id = item.id;
        }
        try (Session sess = orm.session()) {
            Item item = sess.get(Item.class, id);
            sess.connection().execute("UPDATE uow_item SET note = 'changed behind' WHERE id = ?", id).close();
            assertThat(Queries.recorded(sess::flush)).as("nothing changed").isEmpty();
            item.qty = 2;
            List<String> sent = Queries.recorded(sess::flush);
            assertThat(sent).singleElement().asString().startsWith("UPDATE").contains("qty")
                    .doesNotContain("note").doesNotContain("name");
            sess.commit();
        }
        assertThat(rows("SELECT name, qty, note FROM uow_item")).containsExactly(row("pen", 2L, "changed behind"));
    }

    @DatabaseTest
    void queriesFlushFirst(TestDatabase db) {
        Orm orm = orm(db, UnitOfWorkModel.ALL);
        try (Session sess = orm.session()) {
            sess.add(new Item("pen", 1));
            sess.commit();
        }
        try (Session sess = orm.session()) {
            Item pen = sess.select(Item.class).where(ITEM_NAME.eq("pen")).one();
            var cup = new Item("cup", 3);
            sess.add(cup);
            assertThat(sess.select(Item.class).where(ITEM_NAME.eq("cup")).one()).isSameAs(cup);
            assertThat(cup.id).as("flushed by the query").isNotNull();
            pen.qty = 3;
            assertThat(sess.select(Item.class).where(ITEM_QTY.eq(3)).all()).containsExactlyInAnyOrder(pen, cup);
            assertThat(sess.select(Item.class).where(ITEM_QTY.eq(3)).count()).isEqualTo(2);
            sess.rollback();
        }
        assertThat(rows("SELECT name, qty FROM uow_item")).containsExactly(row("pen", 1L));
    }

    @DatabaseTest
    void oneObjectPerRowWithinASession(TestDatabase db) {
        Orm orm = orm(db, UnitOfWorkModel.ALL);
        long id;
        try (Session sess = orm.session()) {
            var pen = new Item("pen", 1);
            sess.add(pen);
            sess.flush();
            id = pen.id;
            assertThat(sess.get(Item.class, id)).isSameAs(pen);
            sess.commit();
        }
        try (Session sess = orm.session(); Session other = orm.session()) {
            Item pen = sess.get(Item.class, id);
            assertThat(sess.get(Item.class, id)).isSameAs(pen);
            assertThat(sess.select(Item.class).where(ITEM_NAME.eq("pen")).one()).isSameAs(pen);
            assertThat(sess.select(Item.class).all()).containsExactly(pen);
            pen.qty = 9;
            assertThat(sess.select(Item.class).one().qty).as("the session's object, flushed change kept")
                    .isEqualTo(9);
            Item elsewhere = other.get(Item.class, id);
            assertThat(elsewhere).isNotSameAs(pen);
            assertThat(elsewhere.qty).isEqualTo(1);
            assertThat(sess.get(Item.class, id + 1000)).isNull();
        }
    }
}
