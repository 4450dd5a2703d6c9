package dev.vellum.e2e.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vellum.e2e.orm.LoadingModel.Award;
import dev.vellum.e2e.orm.LoadingModel.Draft;
import dev.vellum.e2e.orm.LoadingModel.Essay;
import dev.vellum.e2e.orm.LoadingModel.Writer;
import dev.vellum.engine.Engine;
import dev.vellum.error.InterfaceException;
import dev.vellum.orm.Load;
import dev.vellum.orm.Metamodel;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Relationship;
import dev.vellum.orm.Session;
import dev.vellum.sql.Column;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.Queries;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/**
 * Loading strategies, with the statements counted through the engine's StatementListener: LAZY loads for the whole
 * batch a query returned, SELECTIN and JOINED load with the query, RAISE refuses, and a closed session refuses.
 */
class LoadingIT {
    private static final int WRITERS = 5;
    private static final Column<Long> WRITER_ID = Metamodel.column(Writer.class, "id", Long.class);
    private static final Column<String> WRITER_NAME = Metamodel.column(Writer.class, "name", String.class);
    private static final Column<Long> DRAFT_ID = Metamodel.column(Draft.class, "id", Long.class);
    private static final Relationship<Writer, Essay> ESSAYS = Metamodel.relationship(Writer.class, "essays",
            Essay.class);
    private static final Relationship<Writer, Draft> DRAFTS = Metamodel.relationship(Writer.class, "drafts",
            Draft.class);

    private Orm orm;

    /** {@value #WRITERS} writers w0.., writer i with i essays, one award and one draft. */
    private Orm orm(TestDatabase db) {
        Engine engine = db.createEngine();
        orm = Orm.create(engine, LoadingModel.ALL);
        orm.dropAll();
        orm.createAll();
        orm.useSession(sess -> {
            for (int i = 0; i < WRITERS; i++) {
                var w = new Writer("w" + i);
                for (int j = 0; j < i; j++) {
                    w.essays.add(new Essay("w" + i + "e" + j));
                }
                w.awards.add(new Award("a" + i));
                w.drafts.add(new Draft("d" + i));
                sess.add(w);
            }
        });
        return orm;
    }

    @AfterEach
    void drop() {
        if (orm != null) {
            orm.dropAll();
        }
    }

    private static boolean loaded(Object collection) {
        return !collection.toString().contains("not loaded");
    }

    @DatabaseTest
    void lazyCollectionLoadsForEveryObjectOfItsQueryAtOnce(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            List<Writer> writers = sess.select(Writer.class).orderBy(WRITER_ID).all();
            Writer w4 = sess.select(Writer.class).where(WRITER_NAME.eq("w4")).one();
            assertThat(w4).isSameAs(writers.get(4));
            assertThat(writers).allSatisfy(w -> assertThat(loaded(w.essays)).isFalse());

            assertThat(Queries.recorded(() -> assertThat(writers.get(2).essays).extracting(e -> e.title)
                    .containsExactly("w2e0", "w2e1"))).as("one IN query for the batch").hasSize(1);
            assertThat(writers).allSatisfy(w -> assertThat(loaded(w.essays)).as(w.name).isTrue());
            assertThat(Queries.recorded(() -> {
                for (int i = 0; i < WRITERS; i++) {
                    Writer w = writers.get(i);
                    assertThat(w.essays).hasSize(i).allSatisfy(e -> assertThat(e.writer).isSameAs(w));
                }
            })).isEmpty();
        }
    }

    @DatabaseTest
    void eachQueryIsItsOwnBatch(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            Writer w1 = sess.select(Writer.class).where(WRITER_NAME.eq("w1")).one();
            List<Writer> rest = sess.select(Writer.class).where(WRITER_NAME.in("w2", "w3")).orderBy(WRITER_ID).all();
            assertThat(Queries.recorded(() -> assertThat(rest.get(0).essays).hasSize(2))).hasSize(1);
            assertThat(loaded(rest.get(1).essays)).isTrue();
            assertThat(loaded(w1.essays)).as("another query's object").isFalse();
            assertThat(Queries.recorded(() -> assertThat(w1.essays).extracting(e -> e.title).containsExactly("w1e0")))
                    .hasSize(1);
        }
    }

    @DatabaseTest
    void selectinLoadsWithTheQuery(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            var writers = new Object() {
                List<Writer> all;
            };
            assertThat(Queries.recorded(() -> writers.all = sess.select(Writer.class).options(Load.selectin(ESSAYS))
                    .orderBy(WRITER_ID).all())).as("the writers, their essays, their awards (mapped SELECTIN)")
                    .hasSize(3);
            assertThat(Queries.recorded(() -> {
                for (int i = 0; i < WRITERS; i++) {
                    assertThat(writers.all.get(i).essays).hasSize(i);
                    assertThat(writers.all.get(i).awards).extracting(a -> a.name).containsExactly("a" + i);
                }
            })).isEmpty();
        }
    }

    @DatabaseTest
    void selectinReachesObjectsTheSessionAlreadyHad(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            Writer w2 = sess.select(Writer.class).where(WRITER_NAME.eq("w2")).one();
            assertThat(loaded(w2.essays)).isFalse();
            List<Writer> writers = sess.select(Writer.class).options(Load.selectin(ESSAYS)).orderBy(WRITER_ID).all();
            assertThat(writers.get(2)).isSameAs(w2);
            assertThat(Queries.recorded(() -> {
                assertThat(w2.essays).hasSize(2);
                assertThat(writers.get(4).essays).hasSize(4);
            })).isEmpty();
        }
    }

    @DatabaseTest
    void joinedLoadsWithTheQuery(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            List<Writer> writers = sess.select(Writer.class).options(Load.joined(ESSAYS)).orderBy(WRITER_ID).all();
            assertThat(writers).allSatisfy(w -> assertThat(loaded(w.essays)).isTrue());
            assertThat(Queries.recorded(() -> assertThat(writers.get(3).essays).extracting(e -> e.title)
                    .containsExactly("w3e0", "w3e1", "w3e2"))).isEmpty();
        }
    }

    @DatabaseTest
    void raiseRefusesToLoad(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            Writer w1 = sess.select(Writer.class).where(WRITER_NAME.eq("w1")).one();
            assertThatThrownBy(() -> w1.drafts.size()).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("Writer.drafts").hasMessageContaining("Writer#" + w1.id)
                    .hasMessageContaining("RAISE");
            Writer w2 = sess.select(Writer.class).where(WRITER_NAME.eq("w2")).options(Load.raise(ESSAYS)).one();
            assertThatThrownBy(() -> w2.essays.get(0)).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("Writer.essays").hasMessageContaining("RAISE");
        }
        try (Session sess = orm.session()) {
            Writer w3 = sess.select(Writer.class).where(WRITER_NAME.eq("w3")).options(Load.selectin(DRAFTS)).one();
            assertThat(w3.drafts).extracting(d -> d.text).containsExactly("d3");
        }
    }

    @DatabaseTest
    void closedSessionRefusesToLoad(TestDatabase db) {
        Orm orm = orm(db);
        Writer w1;
        Draft draft;
        try (Session sess = orm.session()) {
            w1 = sess.select(Writer.class).where(WRITER_NAME.eq("w1")).one();
            draft = sess.select(Draft.class).orderBy(DRAFT_ID).first();
            sess.commit();
            assertThat(w1.awards).as("committed objects stay in the session and keep loading").hasSize(1);
        }
        assertThatThrownBy(() -> w1.essays.size()).isInstanceOf(InterfaceException.class)
                .hasMessageContaining("Writer.essays was not loaded before Writer left its session");
        assertThat(draft.writer.id()).isNotNull();
        assertThat(draft.writer.isLoaded()).isFalse();
        assertThatThrownBy(() -> draft.writer.get()).isInstanceOf(InterfaceException.class)
                .hasMessageContaining("Draft.writer was not loaded before Draft left its session");
    }

    @DatabaseTest
    void toOneRefBatchesToo(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            List<Draft> drafts = sess.select(Draft.class).orderBy(DRAFT_ID).all();
            assertThat(drafts).hasSize(WRITERS).allSatisfy(d -> assertThat(d.writer.isLoaded()).isFalse());
            assertThat(Queries.recorded(() -> assertThat(drafts.get(0).writer.get().name).isEqualTo("w0")))
                    .as("the writers, and their SELECTIN awards").hasSize(2);
            assertThat(Queries.recorded(() -> {
                for (int i = 0; i < WRITERS; i++) {
                    Writer w = drafts.get(i).writer.get();
                    assertThat(w.name).isEqualTo("w" + i);
                    assertThat(w.awards).hasSize(1);
                }
            })).isEmpty();
        }
    }
}
