package dev.vellum.examples;

import java.io.PrintStream;
import java.util.List;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Vellum;
import dev.vellum.orm.Load;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Session;

/**
 * The tutorial's declarative ORM ({@code class User(Base)}, {@code Session.add/commit},
 * {@code select(User).where(User.name == "Alice")}), its transactions ({@code with sess.begin()}) and exercise 2
 * (users with posts, the posts of one user) with Vellum's ORM. The entities are {@link User} and {@link Post};
 * {@code User_} and {@code Post_} are their generated metamodels.
 */
public final class OrmExample {
    private OrmExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Creates the tables, adds users with posts, queries them and prints what it found. */
    public static void run(String url, PrintStream out) {
        try (Engine engine = Vellum.createEngine(url)) {
            // tag::orm[]
            Orm orm = Orm.create(engine, User.class, Post.class);   // reads and checks both mappings now
            orm.dropAll();
            orm.createAll();                                        // Base.metadata.create_all(engine)
            try (Session sess = orm.session()) {                    // with Session(engine) as sess:
                var alice = new User("Alice", "alice@example.com");
                alice.getPosts().add(new Post("Hello, Vellum"));    // sets the post's author too
                alice.getPosts().add(new Post("Relationships without N+1"));
                sess.add(alice);                                    // the posts follow (cascade)
                sess.add(new User("Bob", "bob@example.com"));
                sess.commit();

                User user = sess.select(User.class).where(User_.name.eq("Alice")).first();
                out.println(user.getEmail());                       // alice@example.com
            }
            // end::orm[]
            posts(orm, out);
            transactions(orm, out);
        }
    }

    private static void posts(Orm orm, PrintStream out) {
        // tag::orm-posts[]
        try (Session sess = orm.session()) {
            List<User> users = sess.select(User.class).orderBy(User_.name).all();         // 1 query
            for (User u : users) {
                out.println(u.getName() + " wrote " + u.getPosts().size());             // 1 query for all
            }
            List<Post> byAlice = sess.select(Post.class).join(Post_.author)
                    .where(User_.name.eq("Alice")).orderBy(Post_.id).all();
            byAlice.forEach(p -> out.println(p.getTitle() + " by " + p.getAuthor().getName()));
            User bob = sess.select(User.class).where(User_.name.eq("Bob"))
                    .options(Load.selectin(User_.posts)).one();                        // posts loaded with it
            out.println(bob.getPosts());                                                // []
        }
        // end::orm-posts[]
    }

    private static void transactions(Orm orm, PrintStream out) {
        // tag::orm-transactions[]
        try (Session sess = orm.session()) {
            try (var tx = sess.begin()) {                    // with sess.begin():
                sess.add(new User("Carol", "carol@example.com"));
                tx.commit();                                 // leaving without commit() rolls back
            }
            try (var tx = sess.begin()) {
                sess.add(new User("Dup", "alice@example.com"));
                tx.commit();                                 // unique email: IntegrityException, rolled back
            } catch (dev.vellum.error.IntegrityException e) {
                out.println("rolled back: " + e.getClass().getSimpleName());
            }
        }
        long users = orm.inSession(sess -> sess.select(User.class).count());   // commits on return
        out.println(users + " users");                                          // 3 users
        // end::orm-transactions[]
    }
}
