package dev.vellum.e2e.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.error.InterfaceException;
import dev.vellum.orm.Metamodel;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Session;
import dev.vellum.sql.Column;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** The Session's basic unit of work on every database: add, commit, get, query, dirty updates, deletes. */
class SessionIT {
    private static final Column<String> NAME = Metamodel.column(Author.class, "name", String.class);

    private Engine engine;
    private Orm orm;

    private Orm orm(TestDatabase db) {
        engine = db.createEngine();
        orm = Orm.create(engine, Author.class, Article.class);
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

    @DatabaseTest
    void addCommitQueryUpdateDelete(TestDatabase db) {
        Orm orm = orm(db);
        long aliceId;
        try (Session sess = orm.session()) {
            var alice = new Author("Alice", "alice@example.com");
            alice.getPosts().add(new Article("Hello"));
            alice.getPosts().add(new Article("Again"));
            sess.add(alice);
            sess.add(new Author("Bob", "bob@example.com"));
            sess.commit();
            assertThat(alice.id).isNotNull();
            aliceId = alice.id;
            assertThat(alice.posts).allSatisfy(p -> assertThat(p.id).isNotNull());
            assertThat(alice.posts.get(0).author).isSameAs(alice);
        }
        try (Session sess = orm.session()) {
            Author alice = sess.select(Author.class).where(NAME.eq("Alice")).one();
            assertThat(alice.id).isEqualTo(aliceId);
            assertThat(alice.email).isEqualTo("alice@example.com");
            assertThat(sess.get(Author.class, aliceId)).isSameAs(alice);
            assertThat(alice.getPosts()).extracting(p -> p.title).containsExactly("Hello", "Again");
            assertThat(alice.getPosts().get(0).author).isSameAs(alice);

            alice.age = 31;
            alice.getPosts().remove(1);
            sess.commit();
        }
        try (Session sess = orm.session()) {
            Author alice = sess.get(Author.class, aliceId);
            assertThat(alice.age).isEqualTo(31);
            assertThat(alice.getPosts()).extracting(p -> p.title).containsExactly("Hello");
            sess.delete(alice);
            sess.commit();
            assertThat(sess.get(Author.class, aliceId)).isNull();
            assertThat(sess.select(Article.class).count()).isZero();
            assertThat(sess.select(Author.class).all()).extracting(a -> a.name).containsExactly("Bob");
        }
    }

    @DatabaseTest
    void newObjectReachedWithoutCascadeIsRefused(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            var stranger = new Author("Stranger", "s@example.com");
            sess.add(new Article(stranger, "orphan"));
            assertThatThrownBy(sess::flush).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("Article.author").hasMessageContaining("CascadeType.PERSIST");
        }
        try (Session sess = orm.session()) {
            assertThat(sess.select(Article.class).all()).isEqualTo(List.of());
        }
    }
}
