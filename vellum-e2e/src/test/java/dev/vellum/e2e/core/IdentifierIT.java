package dev.vellum.e2e.core;

import static dev.vellum.e2e.core.Fetch.column;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.cte;
import static dev.vellum.sql.Sql.delete;
import static dev.vellum.sql.Sql.excluded;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.set;
import static dev.vellum.sql.Sql.sum;
import static dev.vellum.sql.Sql.update;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.ProgrammingException;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.Table;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/**
 * Tables and columns named with reserved words, mixed case, spaces, every quote character and non-ASCII letters:
 * created with createAll, written, read back by column and by name, and dropped.
 */
class IdentifierIT {
    private static final MetaData METADATA = new MetaData();
    private static final Reserved SELECT = new Reserved();
    private static final Mixed MIXED = new Mixed();
    private static final Quotes QUOTES = new Quotes();
    private static final Unicode UNICODE = new Unicode();

    /** "select": every column a reserved word. */
    static final class Reserved extends Table {
        final Column<Long> order = column("order", BIGINT).primaryKey();
        final Column<String> user = column("user", varchar(20)).notNull();
        final Column<String> from = column("from", varchar(20));
        final Column<Integer> group = column("group", INTEGER);
        final Column<Integer> select = column("select", INTEGER);

        Reserved() {
            super(METADATA, "select");
            index("index", user);
        }
    }

    /** "User Accounts": mixed case and spaces, referencing "select". */
    static final class Mixed extends Table {
        final Column<Long> id = column("ID", BIGINT).primaryKey().autoincrement();
        final Column<String> userName = column("UserName", varchar(20)).notNull().unique();
        final Column<String> email = column("Email Address", varchar(40));
        final Column<Long> orderRef = column("Order Ref", BIGINT).references(SELECT.order)
                .onDelete(ReferentialAction.CASCADE);
        final Column<Integer> allCaps = column("ALLCAPS", INTEGER);

        Mixed() {
            super(METADATA, "User Accounts");
            index("Ix Mixed Case", userName, email);
        }
    }

    /** A table whose name and columns hold each quote character. */
    static final class Quotes extends Table {
        final Column<Long> id = column("i\"d", BIGINT).primaryKey();
        final Column<String> backtick = column("back`tick", varchar(20));
        final Column<String> apostrophe = column("it's", varchar(20));
        final Column<String> all = column("a\"b`c'd", varchar(20));
        final Column<String> injection = column("x\"); DROP TABLE t; --", varchar(20));

        Quotes() {
            super(METADATA, "q\"uo`te's");
            uniqueIndex("ux \"quoted\" `name`", all);
        }
    }

    /** Non-ASCII letters in every name. */
    static final class Unicode extends Table {
        final Column<Long> id = column("ключ", BIGINT).primaryKey();
        final Column<String> naive = column("naïve", varchar(20));
        final Column<String> cjk = column("列", varchar(20));
        final Column<Integer> omega = column("Ωmega", INTEGER);

        Unicode() {
            super(METADATA, "ünïcødé_表");
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
        engine.createAll(METADATA); // IF NOT EXISTS with the same odd names
        return engine;
    }

    private static Map<Column<?>, Object> reserved(long order, String user, String from, Integer group) {
        var row = new HashMap<Column<?>, Object>();
        row.put(SELECT.order, order);
        row.put(SELECT.user, user);
        row.put(SELECT.from, from);
        row.put(SELECT.group, group);
        row.put(SELECT.select, group == null ? null : group * 10);
        return row;
    }

    @DatabaseTest
    void reservedWordsAsTableAndColumnNames(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            conn.execute(insert(SELECT), List.of(reserved(1L, "ada", "x", 1), reserved(2L, "bob", "y", 1),
                    reserved(3L, "cy", null, 2)));
            Row row = conn.execute(select(SELECT).where(SELECT.order.eq(1L))).one();
            assertThat(row.get(SELECT.user)).isEqualTo("ada");
            assertThat(row.get(SELECT.select)).isEqualTo(10);
            assertThat(row.get("from")).isEqualTo("x");
            assertThat(row.columns()).containsExactly("order", "user", "from", "group", "select");

            var total = sum(SELECT.select).as("sum");
            List<Row> groups = conn.execute(select(SELECT.group, total, count().as("count")).groupBy(SELECT.group)
                    .having(count().ge(1L)).orderBy(SELECT.group.desc())).all();
            assertThat(column(groups, SELECT.group)).containsExactly(2, 1);
            assertThat(column(groups, total)).containsExactly(20, 20);

            assertThat(conn.execute(update(SELECT).set(SELECT.from, SELECT.user.concat("!"))
                    .where(SELECT.from.isNull())).rowCount()).isEqualTo(1);
            assertThat(conn.execute(select(SELECT.from).where(SELECT.order.eq(3L))).one().get(SELECT.from))
                    .isEqualTo("cy!");
            var table = SELECT.as("table");
            assertThat(column(conn, select(table.get(SELECT.user)).from(table).where(table.get(SELECT.group).eq(1))
                    .orderBy(table.get(SELECT.order).desc()), table.get(SELECT.user))).containsExactly("bob", "ada");
            List<Row> gone = conn.execute(delete(SELECT).where(SELECT.order.eq(2L)).returning(SELECT.user)).all();
            assertThat(column(gone, SELECT.user)).containsExactly("bob");
            conn.execute(insert(SELECT).value(SELECT.order, 3L).value(SELECT.user, "cy2")
                    .onConflict(SELECT.order).doUpdate(set(SELECT.user, excluded(SELECT.user))));
            assertThat(column(conn, select(SELECT.user).orderBy(SELECT.order), SELECT.user))
                    .containsExactly("ada", "cy2");
        });
    }

    @DatabaseTest
    void mixedCaseAndSpacesWithKeysIndexesAndJoins(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            conn.execute(insert(SELECT), List.of(reserved(1L, "ada", "x", 1), reserved(2L, "bob", "y", 2)));
            Row ada = conn.execute(insert(MIXED).value(MIXED.userName, "Ada").value(MIXED.email, "ada@x")
                    .value(MIXED.orderRef, 1L).value(MIXED.allCaps, 7).returning(MIXED.id, MIXED.userName)).one();
            conn.execute(insert(MIXED).value(MIXED.userName, "Bob").value(MIXED.orderRef, 2L));
            assertThat(ada.get(MIXED.id)).isPositive();
            assertThat(ada.get("UserName")).isEqualTo("Ada");

            var joined = select(MIXED.userName, SELECT.user, MIXED.allCaps)
                    .from(MIXED.join(SELECT, MIXED.orderRef.eq(SELECT.order))).orderBy(MIXED.userName);
            List<Row> rows = conn.execute(joined).all();
            assertThat(rows.stream().map(r -> r.get(MIXED.userName) + "/" + r.get(SELECT.user) + "/"
                    + r.get(MIXED.allCaps)).toList()).containsExactly("Ada/ada/7", "Bob/bob/null");
            assertThat(rows.getFirst().columns()).containsExactly("UserName", "user", "ALLCAPS");

            var label = MIXED.email.as("The Label");
            var derived = select(MIXED.id, label).from(MIXED).where(MIXED.email.isNotNull()).as("Derived Table");
            var viaDerived = select(derived.get(label)).from(derived);
            assertThat(conn.execute(viaDerived).one().get("The Label")).isEqualTo("ada@x");

            var someCte = cte("My CTE", "The Name").as(select(MIXED.userName).from(MIXED));
            var theName = someCte.column("The Name", varchar(20));
            assertThat(column(conn, select(theName).from(someCte).orderBy(theName.desc()).with(someCte), theName))
                    .containsExactly("Bob", "Ada");

            conn.execute(delete(SELECT).where(SELECT.order.eq(1L)));
            assertThat(column(conn, select(MIXED.userName).from(MIXED), MIXED.userName)).as("ON DELETE CASCADE")
                    .containsExactly("Bob");
        });
    }

    @DatabaseTest
    void quoteCharactersInEveryName(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            conn.execute(insert(QUOTES).columns(QUOTES.id, QUOTES.backtick, QUOTES.apostrophe, QUOTES.all,
                    QUOTES.injection).values(1L, "`", "'", "\"`'", "; --").values(2L, "b", "c", "d", "e"));
            Row row = conn.execute(select(QUOTES).where(QUOTES.all.eq("\"`'"))).one();
            assertThat(row.get(QUOTES.id)).isEqualTo(1L);
            assertThat(row.get(QUOTES.backtick)).isEqualTo("`");
            assertThat(row.get(QUOTES.apostrophe)).isEqualTo("'");
            assertThat(row.get(QUOTES.injection)).isEqualTo("; --");
            assertThat(row.columns()).containsExactly("i\"d", "back`tick", "it's", "a\"b`c'd",
                    "x\"); DROP TABLE t; --");
            assertThat(row.get("a\"b`c'd")).isEqualTo("\"`'");

            conn.execute(update(QUOTES).set(QUOTES.apostrophe, QUOTES.backtick.concat(QUOTES.all))
                    .where(QUOTES.id.eq(2L)));
            assertThat(conn.execute(select(QUOTES.apostrophe).where(QUOTES.id.eq(2L))).one().get(QUOTES.apostrophe))
                    .isEqualTo("bd");
            var alias = QUOTES.as("a\"li`as'");
            var quotedLabel = alias.get(QUOTES.all).as("l\"a`b'el");
            assertThat(column(conn, select(quotedLabel).from(alias).orderBy(quotedLabel.desc()), quotedLabel))
                    .containsExactly("d", "\"`'");
            assertThatThrownBy(() -> conn.execute(insert(QUOTES).value(QUOTES.id, 3L).value(QUOTES.all, "d")))
                    .as("the unique index with a quoted name exists").isInstanceOf(IntegrityException.class);
        });
    }

    @DatabaseTest
    void nonAsciiNames(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            conn.execute(insert(UNICODE).columns(UNICODE.id, UNICODE.naive, UNICODE.cjk, UNICODE.omega)
                    .values(1L, "café", "漢字", 1).values(2L, "über", "かな", 2));
            Row row = conn.execute(select(UNICODE).where(UNICODE.cjk.eq("かな"))).one();
            assertThat(row.get(UNICODE.id)).isEqualTo(2L);
            assertThat(row.get(UNICODE.naive)).isEqualTo("über");
            assertThat(row.get("Ωmega")).isEqualTo(2L);
            assertThat(row.columns()).containsExactly("ключ", "naïve", "列", "Ωmega");
            var sumOmega = sum(UNICODE.omega).as("Σ");
            assertThat(conn.execute(select(sumOmega)).one().get(sumOmega)).isEqualTo(3);
        });
    }

    @DatabaseTest
    void dropAllRemovesTheOddlyNamedTables(TestDatabase db) {
        engine(db).useTransaction(conn -> conn.execute(insert(SELECT), List.of(reserved(1L, "ada", "x", 1))));
        engine.dropAll(METADATA);
        for (Table table : METADATA.tables()) {
            assertThatThrownBy(() -> engine.useTransaction(conn -> conn.execute(select(table))))
                    .as(table.name()).isInstanceOf(ProgrammingException.class);
        }
        engine.createAll(METADATA);
        engine.useTransaction(conn -> assertThat(conn.execute(select(count()).from(SELECT)).one().get(count()))
                .as("created again, empty").isZero());
    }
}
