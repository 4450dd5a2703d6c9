package dev.vellum.e2e.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.error.StaleDataException;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Session;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/**
 * {@code @Version}: the second of two sessions writing the same row fails and overwrites nothing. The second session
 * ends its reading transaction before it writes (its objects stay in it), as a web request would: SQLite would
 * otherwise refuse the write itself (SQLITE_BUSY_SNAPSHOT) before the version check has its say.
 */
class OptimisticLockIT {
    private Engine engine;
    private Orm orm;
    private long id;

    private Orm orm(TestDatabase db) {
        engine = db.createEngine();
        orm = Orm.create(engine, Doc.class);
        orm.dropAll();
        orm.createAll();
        id = orm.inSession(sess -> {
            var doc = new Doc("original", "text");
            sess.add(doc);
            sess.flush();
            return doc.id;
        });
        return orm;
    }

    @AfterEach
    void drop() {
        if (orm != null) {
            orm.dropAll();
        }
    }

    private List<List<Object>> rows() {
        try (var conn = engine.connect(); var result = conn.execute("SELECT title, body, version FROM life_doc")) {
            return result.all().stream().map(Row::values).map(v -> v.stream()
                    .map(x -> x instanceof Number n ? (Object) n.longValue() : x).toList()).toList();
        }
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @DatabaseTest
    void versionGrowsWithEachUpdate(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            Doc doc = sess.get(Doc.class, id);
            assertThat(doc.version).isZero();
            doc.title = "one";
            sess.flush();
            assertThat(doc.version).isEqualTo(1L);
            doc.title = "two";
            sess.commit();
            assertThat(doc.version).isEqualTo(2L);
            sess.flush();
            assertThat(doc.version).as("no change, no new version").isEqualTo(2L);
        }
        assertThat(rows()).containsExactly(row("two", "text", 2L));
    }

    @DatabaseTest
    void secondUpdateOfTheSameVersionFails(TestDatabase db) {
        Orm orm = orm(db);
        try (Session first = orm.session(); Session second = orm.session()) {
            Doc mine = first.get(Doc.class, id);
            Doc theirs = second.get(Doc.class, id);
            second.commit();
            mine.title = "first";
            theirs.title = "second";
            theirs.body = "second's body";
            first.commit();
            assertThatThrownBy(second::commit).isInstanceOf(StaleDataException.class)
                    .hasMessageContaining("UPDATE of Doc#" + id).hasMessageContaining("no longer at version 0");
            assertThat(second.contains(theirs)).as("a failed flush detaches").isFalse();
        }
        assertThat(rows()).containsExactly(row("first", "text", 1L));
    }

    @DatabaseTest
    void deleteOfAnOutdatedVersionFails(TestDatabase db) {
        Orm orm = orm(db);
        try (Session first = orm.session(); Session second = orm.session()) {
            Doc mine = first.get(Doc.class, id);
            Doc theirs = second.get(Doc.class, id);
            second.commit();
            mine.title = "first";
            first.commit();
            second.delete(theirs);
            assertThatThrownBy(second::commit).isInstanceOf(StaleDataException.class)
                    .hasMessageContaining("DELETE of Doc#" + id);
        }
        assertThat(rows()).containsExactly(row("first", "text", 1L));
    }

    @DatabaseTest
    void updateOfADeletedRowFails(TestDatabase db) {
        Orm orm = orm(db);
        try (Session first = orm.session(); Session second = orm.session()) {
            Doc mine = first.get(Doc.class, id);
            Doc theirs = second.get(Doc.class, id);
            second.commit();
            first.delete(mine);
            first.commit();
            theirs.title = "too late";
            assertThatThrownBy(second::commit).isInstanceOf(StaleDataException.class);
        }
        assertThat(rows()).isEmpty();
    }

    @DatabaseTest
    void currentVersionDeletes(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            Doc doc = sess.get(Doc.class, id);
            doc.title = "changed";
            sess.flush();
            sess.delete(doc);
            sess.commit();
        }
        assertThat(rows()).isEmpty();
    }
}
