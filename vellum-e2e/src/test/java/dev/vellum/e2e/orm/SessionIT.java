package dev.vellum.e2e.orm;

import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.error.InterfaceException;
import dev.vellum.orm.Load;
import dev.vellum.orm.Metamodel;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Relationship;
import dev.vellum.orm.Session;
import dev.vellum.orm.Tuple;
import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.Queries;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

import static dev.vellum.testkit.Queries.assertQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Session's basic unit of work on every database: add, commit, get, query, dirty updates, deletes. */
class SessionIT {
    private static final Column<String> NAME = Metamodel.column(Author.class, "name", String.class);
    private static final Column<String> TITLE = Metamodel.column(Article.class, "title", String.class);
    private static final Relationship<Article, Author> ARTICLE_AUTHOR = Metamodel.relationship(Article.class,
            "author", Author.class);
    private static final Relationship<Author, Article> AUTHOR_POSTS = Metamodel.relationship(Author.class, "posts",
            Article.class);

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

    private static void blog(Orm orm) {
        orm.useSession(sess -> {
            for (String name : List.of("Ann", "Ben", "Cy")) {
                var author = new Author(name, name.toLowerCase(java.util.Locale.ROOT) + "@example.com");
                author.getPosts().add(new Article(name + " 1"));
                author.getPosts().add(new Article(name + " 2"));
                sess.add(author);
            }
        });
    }

    @DatabaseTest
    void lazyCollectionsLoadForTheWholeResultInOneQuery(TestDatabase db) {
        Orm orm = orm(db);
        blog(orm);
        try (Session sess = orm.session()) {
            List<Author> authors = assertQueries(1, () -> sess.select(Author.class).orderBy(NAME).all());
            assertThat(assertQueries(1, () -> authors.getFirst().getPosts().size())).isEqualTo(2);
            assertQueries(0, () -> authors.forEach(a -> assertThat(a.getPosts()).hasSize(2)));
            assertThat(authors.get(2).getPosts()).extracting(p -> p.title).containsExactly("Cy 1", "Cy 2");
        }
        try (Session sess = orm.session()) {
            List<Author> authors = assertQueries(2, () -> sess.select(Author.class)
                    .options(Load.selectin(AUTHOR_POSTS)).all());
            assertQueries(0, () -> assertThat(authors.get(1).getPosts()).hasSize(2));
        }
    }

    @DatabaseTest
    void joinedLoadingReadsOwnersAndRelationshipsInOneStatement(TestDatabase db) {
        Orm orm = orm(db);
        blog(orm);
        try (Session sess = orm.session()) {
            List<Author> authors = assertQueries(1, () -> sess.select(Author.class)
                    .options(Load.joined(AUTHOR_POSTS)).orderBy(NAME).all());
            assertThat(authors).extracting(a -> a.name).containsExactly("Ann", "Ben", "Cy");
            assertQueries(0, () -> assertThat(authors.get(1).getPosts()).extracting(p -> p.title)
                    .containsExactly("Ben 1", "Ben 2"));
            assertThat(authors.get(1).getPosts().get(0).author).isSameAs(authors.get(1));
        }
        try (Session sess = orm.session()) {
            List<Article> posts = assertQueries(1, () -> sess.select(Article.class)
                    .options(Load.joined(ARTICLE_AUTHOR)).orderBy(TITLE).limit(4).all());
            assertThat(posts).extracting(p -> p.author.name).containsExactly("Ann", "Ann", "Ben", "Ben");
            assertThat(posts.get(0).author).isSameAs(posts.get(1).author);
        }
    }

    @DatabaseTest
    void tuplesOfEntitiesAndColumnsAndScalars(TestDatabase db) {
        Orm orm = orm(db);
        blog(orm);
        try (Session sess = orm.session()) {
            List<Tuple> rows = sess.select(Author.class, Article.class, TITLE).join(AUTHOR_POSTS)
                    .where(NAME.ne("Ben")).orderBy(TITLE).all();
            assertThat(rows).extracting(t -> t.get(TITLE)).containsExactly("Ann 1", "Ann 2", "Cy 1", "Cy 2");
            assertThat(rows.get(0).get(Author.class)).isSameAs(rows.get(1).get(Author.class));
            assertThat(rows.get(1).get(Article.class).author).isSameAs(rows.get(1).get(Author.class));
            assertThat(sess.select(Author.class).join(AUTHOR_POSTS).where(TITLE.like("%2")).count()).isEqualTo(3);
            assertThat(sess.scalars(Sql.select(NAME).from(orm.table(Author.class)).orderBy(NAME.desc()),
                    String.class)).containsExactly("Cy", "Ben", "Ann");
            assertThat(sess.scalar(Sql.select(Sql.count()).from(orm.table(Article.class)), Long.class))
                    .isEqualTo(6L);
        }
    }

    @DatabaseTest
    void manyNewObjectsGoInOneMultiRowInsertWithTheirKeys(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            var authors = new java.util.ArrayList<Author>();
            for (int i = 0; i < 300; i++) {
                authors.add(new Author("a" + i, "a" + i + "@example.com"));
            }
            sess.addAll(authors);
            List<String> sent = Queries.recorded(sess::flush);
            assertThat(sent).singleElement().asString().startsWith("INSERT INTO orm_users").contains("RETURNING");
            assertThat(authors).extracting(a -> a.id).doesNotContainNull().doesNotHaveDuplicates();
            sess.commit();
        }
        try (Session sess = orm.session()) {
            assertThat(sess.select(Author.class).where(NAME.eq("a123")).one().email).isEqualTo("a123@example.com");
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
