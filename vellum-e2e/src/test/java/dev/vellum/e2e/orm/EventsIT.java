package dev.vellum.e2e.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Session;
import dev.vellum.orm.SessionListener;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.junit.jupiter.api.AfterEach;

/** SessionListener callbacks: which, in what order, with which objects, and what a before-callback may change. */
class EventsIT {
    @Entity
    @Table(name = "evt_folder")
    static class Folder {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        String stamp;
        @OneToMany(mappedBy = "folder", cascade = CascadeType.ALL, orphanRemoval = true)
        List<Page> pages = new ArrayList<>();

        Folder() {
        }

        Folder(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return "Folder " + name;
        }
    }

    @Entity
    @Table(name = "evt_page")
    static class Page {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String title;
        String stamp;
        @ManyToOne
        Folder folder;

        Page() {
        }

        Page(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return "Page " + title;
        }
    }

    /** Records each callback as "event object", with "+id" when the object has an id at that moment. */
    static final class Recorder implements SessionListener {
        final List<String> events = new ArrayList<>();
        final List<Object> objects = new ArrayList<>();

        private void entity(String event, Object entity) {
            Long id = entity instanceof Folder f ? f.id : ((Page) entity).id;
            events.add(event + " " + entity + (id == null ? "" : " +id"));
            objects.add(entity);
        }

        @Override
        public void beforeInsert(Object entity) {
            entity("beforeInsert", entity);
        }

        @Override
        public void afterInsert(Object entity) {
            entity("afterInsert", entity);
        }

        @Override
        public void beforeUpdate(Object entity) {
            entity("beforeUpdate", entity);
        }

        @Override
        public void afterUpdate(Object entity) {
            entity("afterUpdate", entity);
        }

        @Override
        public void beforeDelete(Object entity) {
            entity("beforeDelete", entity);
        }

        @Override
        public void afterDelete(Object entity) {
            entity("afterDelete", entity);
        }

        @Override
        public void beforeFlush(Session session) {
            events.add("beforeFlush");
        }

        @Override
        public void afterFlush(Session session) {
            events.add("afterFlush");
        }

        @Override
        public void beforeCommit(Session session) {
            events.add("beforeCommit");
        }

        @Override
        public void afterCommit(Session session) {
            events.add("afterCommit");
        }

        List<String> take() {
            var out = List.copyOf(events);
            events.clear();
            objects.clear();
            return out;
        }
    }

    private Engine engine;
    private Orm orm;

    private Orm orm(TestDatabase db) {
        engine = db.createEngine();
        orm = Orm.create(engine, Folder.class, Page.class);
        orm.dropAll();
        orm.createAll();
        return orm;
    }

    @AfterEach
    void drop() {
        if (orm != null) {
            orm.dropAll();
        }
    }

    private List<String> rows(String sql) {
        try (var conn = engine.connect(); var result = conn.execute(sql)) {
            return result.all().stream().map(r -> r.values().toString()).toList();
        }
    }

    @DatabaseTest
    void callbacksComeInTheOrderOfTheWrites(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            var recorder = new Recorder();
            sess.addListener(recorder);
            var docs = new Folder("docs");
            var intro = new Page("intro");
            docs.pages.add(intro);
            docs.pages.add(new Page("usage"));
            sess.add(docs);
            sess.commit();
            assertThat(recorder.objects).first().isSameAs(docs);
            assertThat(recorder.objects.get(2)).isSameAs(intro);
            assertThat(recorder.take()).containsExactly("beforeFlush",
                    "beforeInsert Folder docs", "afterInsert Folder docs +id",
                    "beforeInsert Page intro", "beforeInsert Page usage",
                    "afterInsert Page intro +id", "afterInsert Page usage +id",
                    "afterFlush", "beforeCommit", "afterCommit");

            docs.name = "manual";
            docs.pages.remove(intro);
            docs.pages.getFirst().title = "howto";
            sess.commit();
            assertThat(recorder.take()).containsExactly("beforeFlush",
                    "beforeUpdate Folder manual +id", "afterUpdate Folder manual +id",
                    "beforeUpdate Page howto +id", "afterUpdate Page howto +id",
                    "beforeDelete Page intro +id", "afterDelete Page intro +id",
                    "afterFlush", "beforeCommit", "afterCommit");

            sess.delete(docs);
            sess.flush();
            assertThat(recorder.take()).as("children first, as the rows go").containsExactly("beforeFlush",
                    "beforeDelete Page howto +id", "beforeDelete Folder manual +id",
                    "afterDelete Page howto +id", "afterDelete Folder manual +id", "afterFlush");
            sess.rollback();
            assertThat(recorder.take()).as("no commit callbacks on rollback").isEmpty();
        }
        assertThat(rows("SELECT name FROM evt_folder")).containsExactly("[manual]");
    }

    @DatabaseTest
    void beforeCallbacksMayChangeWhatIsWritten(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            sess.addListener(new SessionListener() {
                @Override
                public void beforeInsert(Object entity) {
                    if (entity instanceof Folder f) {
                        f.stamp = "created";
                    }
                }

                @Override
                public void beforeUpdate(Object entity) {
                    if (entity instanceof Folder f) {
                        f.stamp = "updated " + f.name;
                        sess.add(new Page("saved at the next flush"));
                    }
                }

                @Override
                public void beforeFlush(Session session) {
                    if (!session.contains(extra)) {
                        session.add(extra);
                    }
                }

                private final Folder extra = new Folder("added by beforeFlush");
            });
            var docs = new Folder("docs");
            sess.add(docs);
            sess.commit();
            assertThat(docs.stamp).isEqualTo("created");
            docs.name = "manual";
            sess.flush();
            sess.commit();
        }
        assertThat(rows("SELECT name, stamp FROM evt_folder ORDER BY id")).containsExactly(
                "[manual, updated manual]", "[added by beforeFlush, created]");
        assertThat(rows("SELECT title FROM evt_page")).containsExactly("[saved at the next flush]");
    }

    @DatabaseTest
    void aFailingCallbackFailsTheCommit(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            var recorder = new Recorder();
            sess.addListener(recorder);
            sess.addListener(new SessionListener() {
                @Override
                public void beforeUpdate(Object entity) {
                    throw new IllegalStateException("no updates today");
                }
            });
            var docs = new Folder("docs");
            sess.add(docs);
            sess.commit();
            recorder.take();
            docs.name = "manual";
            sess.add(new Folder("more"));
            assertThatThrownBy(sess::commit).hasMessage("no updates today");
            assertThat(recorder.take()).as("updates that need no new row go first").containsExactly("beforeFlush",
                    "beforeUpdate Folder manual +id");
            assertThat(sess.contains(docs)).isFalse();
        }
        assertThat(rows("SELECT name FROM evt_folder")).containsExactly("[docs]");
    }
}
