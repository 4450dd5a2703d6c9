package dev.vellum.e2e.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vellum.e2e.orm.RelationshipModel.Blog;
import dev.vellum.e2e.orm.RelationshipModel.Book;
import dev.vellum.e2e.orm.RelationshipModel.Comment;
import dev.vellum.e2e.orm.RelationshipModel.Course;
import dev.vellum.e2e.orm.RelationshipModel.Passport;
import dev.vellum.e2e.orm.RelationshipModel.Person;
import dev.vellum.e2e.orm.RelationshipModel.Player;
import dev.vellum.e2e.orm.RelationshipModel.Shelf;
import dev.vellum.e2e.orm.RelationshipModel.Student;
import dev.vellum.e2e.orm.RelationshipModel.Team;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.error.IntegrityException;
import dev.vellum.orm.Metamodel;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Ref;
import dev.vellum.orm.Session;
import dev.vellum.sql.Column;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.Queries;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** Every relationship kind on every database: both sides in step in memory, the rows they write, cascades, Ref. */
class RelationshipIT {
    private static final Column<Long> COMMENT_ID = Metamodel.column(Comment.class, "id", Long.class);

    private Engine engine;
    private Orm orm;

    private Orm orm(TestDatabase db) {
        engine = db.createEngine();
        orm = Orm.create(engine, RelationshipModel.ALL);
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

    private List<List<Object>> rows(String sql) {
        try (var conn = engine.connect(); var result = conn.execute(sql)) {
            return result.all().stream().map(Row::values).map(v -> v.stream().map(RelationshipIT::plain).toList())
                    .toList();
        }
    }

    /** Integers as longs, whatever width the driver returns, so rows compare across databases. */
    private static Object plain(Object value) {
        return value instanceof Number n ? (Object) n.longValue() : value;
    }

    @DatabaseTest
    void oneToManyKeepsBothSidesInStep(TestDatabase db) {
        Orm orm = orm(db);
        long redsId;
        try (Session sess = orm.session()) {
            var reds = new Team("Reds");
            var ann = new Player("Ann");
            reds.players.add(ann);
            reds.players.add(new Player("Bob"));
            sess.add(reds);
            assertThat(ann.team).as("add syncs the many-to-one of the elements").isSameAs(reds);
            sess.add(new Team("Blues"));
            sess.commit();
            redsId = reds.id;
        }
        try (Session sess = orm.session()) {
            Team reds = sess.get(Team.class, redsId);
            Team blues = sess.select(Team.class).where(Metamodel.column(Team.class, "name", String.class)
                    .eq("Blues")).one();
            assertThat(reds.players).extracting(p -> p.name).containsExactly("Ann", "Bob");
            Player ann = reds.players.get(0);
            Player bob = reds.players.get(1);
            assertThat(ann.team).isSameAs(reds);
            // loaded before the changes: a lazy load autoflushes, which would delete Bob as an orphan of Reds
            assertThat(blues.players).isEmpty();

            var cid = new Player("Cid");
            reds.players.add(cid);
            assertThat(cid.team).isSameAs(reds);
            reds.players.remove(ann);
            assertThat(ann.team).as("removing clears the many-to-one").isNull();
            reds.players.remove(bob);
            blues.players.add(bob);
            assertThat(bob.team).as("moved to another team").isSameAs(blues);
            sess.commit();
        }
        String players = "SELECT p.name, t.name FROM rel_player p LEFT JOIN rel_team t ON t.id = p.team_id"
                + " ORDER BY p.name";
        assertThat(rows(players)).as("Ann was an orphan and is deleted; Bob moved, so he is not one")
                .containsExactly(List.of("Bob", "Blues"), List.of("Cid", "Reds"));
        try (Session sess = orm.session()) {
            Team reds = sess.get(Team.class, redsId);
            Player cid = reds.players.getFirst();
            Team blues = sess.select(Team.class).where(Metamodel.column(Team.class, "name", String.class)
                    .eq("Blues")).one();
            var dan = new Player("Dan");
            blues.players.add(dan);
            blues.players.add(cid);
            assertThat(cid.team).isSameAs(blues);
            assertThat(reds.players).as("a player is in one team's list only").isEmpty();
            sess.flush();
            blues.players.remove(dan);
            blues.players.remove(cid);
            sess.commit();
        }
        assertThat(rows(players)).as("Dan, added and flushed, and Cid, who moved, were then orphans of Blues")
                .containsExactly(List.of("Bob", "Blues"));
    }

    @DatabaseTest
    void removingFromACollectionWithoutOrphanRemovalClearsTheKey(TestDatabase db) {
        Orm orm = orm(db);
        long shelfId;
        try (Session sess = orm.session()) {
            var shelf = new Shelf("top");
            shelf.books.add(new Book("Dune"));
            shelf.books.add(new Book("Emma"));
            sess.add(shelf);
            sess.commit();
            shelfId = shelf.id;
        }
        try (Session sess = orm.session()) {
            Shelf shelf = sess.get(Shelf.class, shelfId);
            Book dune = shelf.books.stream().filter(b -> b.title.equals("Dune")).findFirst().orElseThrow();
            assertThat(shelf.books.remove(dune)).isTrue();
            assertThat(dune.shelf).isNull();
            assertThat(shelf.books).extracting(b -> b.title).containsExactly("Emma");
            sess.commit();
        }
        assertThat(rows("SELECT title, shelf_id FROM rel_book ORDER BY title"))
                .containsExactly(java.util.Arrays.asList("Dune", null), List.of("Emma", shelfId));
    }

    @DatabaseTest
    void manyToManyLinksFromEitherSide(TestDatabase db) {
        Orm orm = orm(db);
        long annId;
        long artId;
        try (Session sess = orm.session()) {
            var ann = new Student("Ann");
            var bob = new Student("Bob");
            var math = new Course("Math");
            var art = new Course("Art");
            ann.courses.add(math);
            ann.courses.add(art);
            bob.courses.add(math);
            sess.add(ann);
            sess.add(bob);
            assertThat(math.students).as("the inverse side follows").containsExactly(ann, bob);
            sess.commit();
            annId = ann.id;
            artId = art.id;
        }
        String links = "SELECT s.name, c.title FROM rel_enrollment e JOIN rel_student s ON s.id = e.student_id"
                + " JOIN rel_course c ON c.id = e.course_id ORDER BY s.name, c.title";
        assertThat(rows(links)).containsExactly(List.of("Ann", "Art"), List.of("Ann", "Math"), List.of("Bob", "Math"));
        try (Session sess = orm.session()) {
            Student ann = sess.get(Student.class, annId);
            Course art = sess.get(Course.class, artId);
            assertThat(ann.courses).extracting(c -> c.title).containsExactlyInAnyOrder("Math", "Art");
            assertThat(art.students).containsExactly(ann);
            Course math = ann.courses.stream().filter(c -> c.title.equals("Math")).findFirst().orElseThrow();
            assertThat(math.students).extracting(s -> s.name).containsExactlyInAnyOrder("Ann", "Bob");
            Student bob = math.students.stream().filter(s -> s.name.equals("Bob")).findFirst().orElseThrow();

            ann.courses.remove(art);
            assertThat(art.students).as("removal shows on the inverse side").isEmpty();
            art.students.add(bob);
            assertThat(bob.courses).as("adding on the inverse side shows on the owning side").contains(art);
            sess.commit();
        }
        assertThat(rows(links)).containsExactly(List.of("Ann", "Math"), List.of("Bob", "Art"), List.of("Bob", "Math"));
        try (Session sess = orm.session()) {
            sess.delete(sess.get(Course.class, artId));
            sess.commit();
        }
        assertThat(rows(links)).containsExactly(List.of("Ann", "Math"), List.of("Bob", "Math"));
        try (Session sess = orm.session()) {
            sess.delete(sess.get(Student.class, annId));
            sess.commit();
        }
        assertThat(rows(links)).containsExactly(List.of("Bob", "Math"));
        assertThat(rows("SELECT title FROM rel_course ORDER BY title")).containsExactly(List.of("Math"));
    }

    @DatabaseTest
    void oneToOneFromBothSides(TestDatabase db) {
        Orm orm = orm(db);
        long annId;
        long passportId;
        try (Session sess = orm.session()) {
            var ann = new Person("Ann");
            ann.passport = new Passport("X-1");
            sess.add(ann);
            sess.add(new Person("Bob"));
            sess.commit();
            assertThat(ann.passport.holder).as("the cascade set the owning side").isSameAs(ann);
            annId = ann.id;
            passportId = ann.passport.id;
        }
        assertThat(rows("SELECT number, holder_id FROM rel_passport")).containsExactly(List.of("X-1", annId));
        try (Session sess = orm.session()) {
            Passport passport = sess.get(Passport.class, passportId);
            assertThat(passport.holder.name).isEqualTo("Ann");
            assertThat(passport.holder.passport).isSameAs(passport);
            Person bob = sess.select(Person.class).where(Metamodel.column(Person.class, "name", String.class)
                    .eq("Bob")).one();
            assertThat(bob.passport).isNull();
            passport.holder = bob;
            sess.commit();
        }
        try (Session sess = orm.session()) {
            Person ann = sess.get(Person.class, annId);
            assertThat(ann.passport).isNull();
            var second = new Passport("X-2");
            second.holder = sess.select(Person.class).where(Metamodel.column(Person.class, "name", String.class)
                    .eq("Bob")).one();
            sess.add(second);
            assertThatThrownBy(sess::flush).as("the key is unique").isInstanceOf(IntegrityException.class);
        }
    }

    @DatabaseTest
    void oneToOneChangesHands(TestDatabase db) {
        Orm orm = orm(db);
        long annId;
        try (Session sess = orm.session()) {
            var ann = new Person("Ann");
            ann.passport = new Passport("X-1");
            sess.add(ann);
            sess.commit();
            annId = ann.id;
        }
        try (Session sess = orm.session()) {
            Person ann = sess.get(Person.class, annId);
            var renewed = new Passport("X-2");
            renewed.holder = ann;
            ann.passport.holder = null;
            ann.passport = renewed;
            sess.add(renewed);
            sess.commit();
        }
        String passports = "SELECT number, holder_id FROM rel_passport ORDER BY number";
        assertThat(rows(passports)).as("the old row lets go of the unique key before the new row takes it")
                .containsExactly(java.util.Arrays.asList("X-1", null), List.of("X-2", annId));
        try (Session sess = orm.session()) {
            Person ann = sess.get(Person.class, annId);
            Passport renewed = ann.passport;
            ann.passport = new Passport("X-3");
            sess.commit();
            assertThat(renewed.holder).as("replaced on the inverse side").isNull();
        }
        assertThat(rows(passports)).containsExactly(java.util.Arrays.asList("X-1", null),
                java.util.Arrays.asList("X-2", null), List.of("X-3", annId));
    }

    @DatabaseTest
    void cascadesPersistRemoveAndOrphans(TestDatabase db) {
        Orm orm = orm(db);
        long teamId;
        try (Session sess = orm.session()) {
            var team = new Team("Reds");
            team.players.add(new Player("Ann"));
            team.players.add(new Player("Bob"));
            sess.add(team);
            sess.flush();
            assertThat(team.players).allSatisfy(p -> assertThat(sess.contains(p)).isTrue());
            sess.commit();
            teamId = team.id;
        }
        assertThat(rows("SELECT COUNT(*) FROM rel_player")).containsExactly(List.of(2L));
        try (Session sess = orm.session()) {
            Team team = sess.get(Team.class, teamId);
            team.players.remove(0);
            sess.flush();
            assertThat(sess.select(Player.class).all()).extracting(p -> p.name).containsExactly("Bob");
            sess.delete(team);
            sess.commit();
        }
        assertThat(rows("SELECT COUNT(*) FROM rel_player")).containsExactly(List.of(0L));
        assertThat(rows("SELECT COUNT(*) FROM rel_team")).containsExactly(List.of(0L));
    }

    @DatabaseTest
    void deletedObjectsLeaveTheCollectionsHoldingThem(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            var reds = new Team("Reds");
            var ann = new Player("Ann");
            reds.players.add(ann);
            reds.players.add(new Player("Bob"));
            var math = new Course("Math");
            var ada = new Student("Ada");
            ada.courses.add(math);
            sess.add(reds);
            sess.add(ada);
            sess.flush();

            sess.delete(ann);
            sess.delete(math);
            sess.flush();
            assertThat(reds.players).extracting(p -> p.name).containsExactly("Bob");
            assertThat(ada.courses).isEmpty();
            reds.name = "Red";
            sess.commit();
        }
        assertThat(rows("SELECT name FROM rel_player")).containsExactly(List.of("Bob"));
        assertThat(rows("SELECT COUNT(*) FROM rel_enrollment")).containsExactly(List.of(0L));
        assertThat(rows("SELECT name FROM rel_team")).containsExactly(List.of("Red"));
    }

    @DatabaseTest
    void queriesJoinAlongRelationships(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            var reds = new Team("Reds");
            reds.players.add(new Player("Ann"));
            reds.players.add(new Player("Abe"));
            var blues = new Team("Blues");
            blues.players.add(new Player("Bob"));
            var ada = new Student("Ada");
            ada.courses.add(new Course("Math"));
            ada.courses.add(new Course("Art"));
            var max = new Student("Max");
            max.courses.add(new Course("Music"));
            sess.addAll(List.of(reds, blues, ada, max));
            sess.commit();
        }
        var playerName = Metamodel.column(Player.class, "name", String.class);
        var courseTitle = Metamodel.column(Course.class, "title", String.class);
        var players = Metamodel.relationship(Team.class, "players", Player.class);
        var courses = Metamodel.relationship(Student.class, "courses", Course.class);
        try (Session sess = orm.session()) {
            var withA = sess.select(Team.class).join(players).where(playerName.like("A%"));
            assertThat(withA.all()).extracting(t -> t.name).containsExactly("Reds");
            assertThat(withA.count()).as("each team once").isEqualTo(1);
            var artsy = sess.select(Student.class).join(courses).where(courseTitle.in("Art", "Music"));
            assertThat(artsy.all()).extracting(s -> s.name).containsExactlyInAnyOrder("Ada", "Max");
            Team reds = withA.one();
            assertThat(sess.select(Player.class).where(Metamodel.relationship(Player.class, "team", Team.class)
                    .is(reds)).count()).isEqualTo(2);
        }
    }

    @DatabaseTest
    void refLoadsOnGetAndAnswersItsIdWithout(TestDatabase db) {
        Orm orm = orm(db);
        long firstId;
        long secondId;
        try (Session sess = orm.session()) {
            var first = new Blog("first");
            var second = new Blog("second");
            sess.add(first);
            sess.add(second);
            sess.add(new Comment(first, "a"));
            sess.add(new Comment(second, "b"));
            sess.add(new Comment(first, "c"));
            sess.commit();
            firstId = first.id;
            secondId = second.id;
        }
        try (Session sess = orm.session()) {
            List<Comment> comments = sess.select(Comment.class).orderBy(COMMENT_ID).all();
            Ref<Blog> ref = comments.get(0).blog;
            assertThat(Queries.recorded(() -> {
                assertThat(ref.isLoaded()).isFalse();
                assertThat(ref.id()).isEqualTo(firstId);
                assertThat(comments.get(1).blog.id()).isEqualTo(secondId);
            })).as("id() needs no query").isEmpty();
            assertThat(Queries.recorded(() -> assertThat(ref.get().title).isEqualTo("first"))).hasSize(1);
            assertThat(Queries.recorded(() -> {
                assertThat(comments.get(1).blog.isLoaded()).as("loaded in the same batch").isTrue();
                assertThat(comments.get(1).blog.get().title).isEqualTo("second");
                assertThat(comments.get(2).blog.get()).isSameAs(ref.get());
            })).isEmpty();

            comments.get(2).blog = Ref.of(comments.get(1).blog.get());
            sess.commit();
        }
        assertThat(rows("SELECT text, blog_id FROM rel_comment ORDER BY text"))
                .containsExactly(List.of("a", firstId), List.of("b", secondId), List.of("c", secondId));
    }
}
