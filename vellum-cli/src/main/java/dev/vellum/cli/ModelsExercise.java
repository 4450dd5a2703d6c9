package dev.vellum.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Session;
/**
 * Exercise 2 of the tutorial: {@code User} and {@code Post} entities with a relationship, a few rows, and all the
 * posts of one user, with the ORM: the users with their posts go in one flush (parents first, keys from
 * multi-row inserts), and reading every user's posts costs one query for all of them.
 */
final class ModelsExercise {
    private final Engine engine;
    private final PrintWriter out;

    ModelsExercise(Engine engine, PrintWriter out) {
        this.engine = engine;
        this.out = out;
    }

    void run() {
        out.println("Exercise 2: users and posts with a relationship (ORM)");
        Orm orm = Orm.create(engine, User.class, Post.class);
        orm.dropAll();
        orm.createAll();
        out.println("  created tables demo_users and demo_posts");

        orm.useSession(sess -> {
            var alice = new User("Alice", "alice@example.com");
            alice.posts.add(new Post("Hello, Vellum"));
            alice.posts.add(new Post("Relationships without N+1"));
            var bob = new User("Bob", "bob@example.com");
            bob.posts.add(new Post("Binds, always"));
            sess.addAll(List.of(alice, bob));
        });
        out.println("  added 2 users and 3 posts in one commit");

        try (Session sess = orm.session()) {
            out.println("  posts by Alice:");
            User alice = sess.select(User.class).where(User_.name.eq("Alice")).one();
            for (Post post : alice.posts) {
                out.println("    " + post.title);
            }
            var counts = new StringBuilder("  posts per user:");
            for (User user : sess.select(User.class).orderBy(User_.name).all()) {
                counts.append(' ').append(user.name).append('=').append(user.posts.size());
            }
            out.println(counts);
        }
    }
}
