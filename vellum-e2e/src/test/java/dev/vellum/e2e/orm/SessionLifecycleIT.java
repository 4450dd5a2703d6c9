package dev.vellum.e2e.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import dev.vellum.e2e.orm.RelationshipModel.Player;
import dev.vellum.e2e.orm.RelationshipModel.Team;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.StaleDataException;
import dev.vellum.orm.Metamodel;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Session;
import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.Queries;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** An object's life in and out of sessions: refresh, expunge, merge, rollback, transaction scopes, bulk writes. */
class SessionLifecycleIT {
    private static final Column<Long> ID = Metamodel.column(Doc.class, "id", Long.class);
    private static final Column<String> TITLE = Metamodel.column(Doc.class, "title", String.class);
    private static final Column<String> BODY = Metamodel.column(Doc.class, "body", String.class);

    private Engine engine;
    private Orm orm;
    private Orm teams;

    private Orm orm(TestDatabase db) {
        engine = db.createEngine();
        orm = Orm.create(engine, Doc.class);
        orm.dropAll();
        orm.createAll();
        return orm;
    }

    @AfterEach
    void drop() {
        if (orm != null) {
            orm.dropAll();
        }
        if (teams != null) {
            teams.dropAll();
        }
    }

    /** A second Orm on the same engine, for the relationship cases. */
    private Orm teams() {
        teams = Orm.create(engine, Team.class, Player.class);
        teams.dropAll();
        teams.createAll();
        return teams;
    }

    private List<List<Object>> teamRows(String sql) {
        try (var conn = engine.connect(); var result = conn.execute(sql)) {
            return result.all().stream().map(Row::values).toList();
        }
    }

    private long saved(String title, String body) {
        return orm.inSession(sess -> {
            var doc = new Doc(title, body);
            sess.add(doc);
            sess.flush();
            return doc.id;
        });
    }

    /** Title, body and version of every row, by id. */
    private List<List<Object>> rows() {
        try (var conn = engine.connect(); var result = conn.execute("SELECT title, body, version FROM life_doc"
                + " ORDER BY id")) {
            return result.all().stream().map(Row::values).map(v -> v.stream()
                    .map(x -> x instanceof Number n ? (Object) n.longValue() : x).toList()).toList();
        }
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @DatabaseTest
    void refreshDropsUnflushedChanges(TestDatabase db) {
        Orm orm = orm(db);
        long id = saved("t", "b");
        try (Session sess = orm.session()) {
            Doc doc = sess.get(Doc.class, id);
            doc.title = "unflushed";
            sess.connection().execute("UPDATE life_doc SET body = 'behind' WHERE id = ?", id).close();
            sess.refresh(doc);
            assertThat(doc.title).isEqualTo("t");
            assertThat(doc.body).isEqualTo("behind");
            assertThat(Queries.recorded(sess::flush)).isEmpty();

            sess.connection().execute("DELETE FROM life_doc WHERE id = ?", id).close();
            assertThatThrownBy(() -> sess.refresh(doc)).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("no longer exists");
            assertThat(sess.contains(doc)).isFalse();
        }
    }

    @DatabaseTest
    void expungedObjectIsNoLongerTracked(TestDatabase db) {
        Orm orm = orm(db);
        long id = saved("t", "b");
        try (Session sess = orm.session()) {
            Doc doc = sess.get(Doc.class, id);
            sess.expunge(doc);
            assertThat(sess.contains(doc)).isFalse();
            doc.title = "ignored";
            sess.flush();
            Doc again = sess.get(Doc.class, id);
            assertThat(again).isNotSameAs(doc);
            assertThat(again.title).isEqualTo("t");
            sess.commit();
        }
        assertThat(rows()).containsExactly(row("t", "b", 0L));
    }

    @DatabaseTest
    void expungedChildIsLeftAsItIs(TestDatabase db) {
        orm(db);
        Orm orm = teams();
        try (Session sess = orm.session()) {
            var reds = new Team("Reds");
            var ann = new Player("Ann");
            reds.players.add(ann);
            sess.add(reds);
            sess.commit();
            sess.expunge(ann);
            ann.name = "ignored";
            reds.name = "Red";
            sess.commit();
            assertThat(sess.contains(ann)).isFalse();
        }
        assertThat(teamRows("SELECT p.name, t.name FROM rel_player p LEFT JOIN rel_team t ON t.id = p.team_id"))
                .containsExactly(List.of("Ann", "Red"));
    }

    @DatabaseTest
    void mergeCopiesADetachedObjectOntoTheSessionsOwn(TestDatabase db) {
        Orm orm = orm(db);
        long id = saved("t", "b");
        Doc detached;
        try (Session sess = orm.session()) {
            detached = sess.get(Doc.class, id);
        }
        detached.title = "edited offline";
        try (Session sess = orm.session()) {
            Doc managed = sess.merge(detached);
            assertThat(managed).isNotSameAs(detached);
            assertThat(sess.contains(managed)).isTrue();
            assertThat(sess.contains(detached)).isFalse();
            assertThat(managed.title).isEqualTo("edited offline");
            assertThat(sess.merge(managed)).as("already in the session").isSameAs(managed);
            Doc fresh = sess.merge(new Doc("new", "n"));
            sess.commit();
            assertThat(fresh.id).isNotNull();
            assertThat(managed.version).isEqualTo(1L);
        }
        assertThat(rows()).containsExactly(row("edited offline", "b", 1L), row("new", "n", 0L));

        detached.body = "stale edit";
        try (Session sess = orm.session()) {
            assertThatThrownBy(() -> sess.merge(detached)).isInstanceOf(StaleDataException.class)
                    .hasMessageContaining("version 0").hasMessageContaining("at 1");
        }
        assertThat(rows()).containsExactly(row("edited offline", "b", 1L), row("new", "n", 0L));
    }

    @DatabaseTest
    void rollbackDetachesEverything(TestDatabase db) {
        Orm orm = orm(db);
        long id = saved("t", "b");
        try (Session sess = orm.session()) {
            Doc doc = sess.get(Doc.class, id);
            doc.title = "flushed, then rolled back";
            var added = new Doc("added", "a");
            sess.add(added);
            sess.flush();
            sess.rollback();
            assertThat(sess.contains(doc)).isFalse();
            assertThat(sess.contains(added)).isFalse();
            assertThat(sess.get(Doc.class, id)).isNotSameAs(doc).extracting(d -> d.title).isEqualTo("t");
            doc.title = "detached change";
            sess.commit();
        }
        assertThat(rows()).containsExactly(row("t", "b", 0L));
    }

    @DatabaseTest
    @SuppressWarnings("try")
    void beginScopesATransaction(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            try (var tx = sess.begin()) {
                sess.add(new Doc("kept", "k"));
                tx.commit();
            }
            try (var tx = sess.begin()) {
                sess.add(new Doc("closed without commit", "c"));
                sess.flush();
            }
            assertThatThrownBy(() -> {
                try (var tx = sess.begin()) {
                    sess.add(new Doc("thrown", "t"));
                    sess.flush();
                    throw new IllegalStateException("boom");
                }
            }).hasMessage("boom");
            try (var tx = sess.begin()) {
                sess.add(new Doc("rolled back", "r"));
                tx.rollback();
            }
        }
        assertThat(rows()).containsExactly(row("kept", "k", 0L));
    }

    @DatabaseTest
    void inSessionCommitsOnReturnAndRollsBackOnException(TestDatabase db) {
        Orm orm = orm(db);
        long id = orm.inSession(sess -> {
            var doc = new Doc("committed", "c");
            sess.add(doc);
            sess.flush();
            return doc.id;
        });
        assertThatThrownBy(() -> orm.useSession(sess -> {
            sess.get(Doc.class, id).title = "changed";
            sess.add(new Doc("lost", "l"));
            sess.flush();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(rows()).containsExactly(row("committed", "c", 0L));
    }

    @DatabaseTest
    void bulkWritesKeepTheSessionConsistent(TestDatabase db) {
        Orm orm = orm(db);
        long a = saved("a", "x");
        long b = saved("b", "x");
        long c = saved("c", "x");
        try (Session sess = orm.session()) {
            Doc da = sess.get(Doc.class, a);
            Doc db2 = sess.get(Doc.class, b);
            Doc dc = sess.get(Doc.class, c);
            da.body = "flushed first";
            long updated = sess.execute(Sql.update(orm.table(Doc.class)).set(TITLE, "bulk").where(ID.in(a, b)))
                    .rowCount();
            assertThat(updated).isEqualTo(2);
            assertThat(da.title).isEqualTo("bulk");
            assertThat(da.body).isEqualTo("flushed first");
            assertThat(db2.title).isEqualTo("bulk");
            assertThat(dc.title).isEqualTo("c");
            assertThat(sess.select(Doc.class).where(TITLE.eq("bulk")).all()).containsExactlyInAnyOrder(da, db2);

            sess.execute(Sql.delete(orm.table(Doc.class)).where(BODY.eq("x"))).close();
            assertThat(sess.contains(db2)).isFalse();
            assertThat(sess.contains(dc)).isFalse();
            assertThat(sess.contains(da)).isTrue();
            assertThat(sess.get(Doc.class, b)).isNull();
            assertThat(sess.select(Doc.class).all()).containsExactly(da);
            da.title = "after";
            sess.commit();
        }
        assertThat(rows()).containsExactly(row("after", "flushed first", 2L));
    }

    @DatabaseTest
    void bulkDeleteTakesTheRowsOutOfLoadedCollections(TestDatabase db) {
        orm(db);
        teams();
        var playerName = Metamodel.column(Player.class, "name", String.class);
        try (Session sess = teams.session()) {
            var reds = new Team("Reds");
            reds.players.add(new Player("Ann"));
            reds.players.add(new Player("Bob"));
            sess.add(reds);
            sess.commit();
            assertThat(sess.execute(Sql.delete(teams.table(Player.class)).where(playerName.eq("Ann"))).rowCount())
                    .isEqualTo(1);
            assertThat(reds.players).extracting(p -> p.name).containsExactly("Bob");
            reds.name = "Red";
            reds.players.add(new Player("Cid"));
            sess.commit();
        }
        try (Session sess = teams.session()) {
            Team red = sess.select(Team.class).one();
            assertThat(red.name).isEqualTo("Red");
            assertThat(red.players).extracting(p -> p.name).containsExactly("Bob", "Cid");
        }
    }

    @DatabaseTest
    void mergeCascadesToTheChildren(TestDatabase db) {
        orm(db);
        Orm orm = teams();
        Team detached;
        try (Session sess = orm.session()) {
            detached = new Team("Reds");
            detached.players.add(new Player("Ann"));
            detached.players.add(new Player("Bob"));
            sess.add(detached);
            sess.commit();
        }
        detached.name = "Red";
        detached.players.get(0).name = "Anne";
        detached.players.remove(1);
        detached.players.add(new Player("Cid"));
        try (Session sess = orm.session()) {
            Team merged = sess.merge(detached);
            assertThat(merged).isNotSameAs(detached);
            assertThat(merged.players).extracting(p -> p.name).containsExactly("Anne", "Cid");
            assertThat(merged.players).allSatisfy(p -> assertThat(p.team).isSameAs(merged));
            sess.commit();
        }
        assertThat(teamRows("SELECT p.name, t.name FROM rel_player p LEFT JOIN rel_team t ON t.id = p.team_id"
                + " ORDER BY p.id"))
                .as("Bob was removed from the merged collection: an orphan")
                .containsExactly(List.of("Anne", "Red"), List.of("Cid", "Red"));
    }
}
