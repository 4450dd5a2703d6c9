package dev.vellum.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Row;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.Sql;
import dev.vellum.sql.SqlTypes;
import dev.vellum.sql.Table;

/**
 * Exercise 2 of the tutorial: {@code User} and {@code Post} with a relationship, a few rows, and all the posts of
 * one user. Written with Core tables and queries (the ORM comes in a later release), every value a bind.
 */
final class ModelsExercise {
    private static final MetaData METADATA = new MetaData();
    private static final Users USERS = new Users();
    private static final Posts POSTS = new Posts();

    /** The users table. */
    private static final class Users extends Table {
        final Column<Long> id = column("id", SqlTypes.BIGINT).primaryKey().autoincrement();
        final Column<String> name = column("name", SqlTypes.varchar(50)).notNull();
        final Column<String> email = column("email", SqlTypes.varchar(100)).unique();

        Users() {
            super(METADATA, "demo_users");
        }
    }

    /** The posts table; each post belongs to a user. */
    private static final class Posts extends Table {
        final Column<Long> id = column("id", SqlTypes.BIGINT).primaryKey().autoincrement();
        final Column<Long> authorId = column("author_id", SqlTypes.BIGINT).notNull().references(USERS.id)
                .onDelete(ReferentialAction.CASCADE);
        final Column<String> title = column("title", SqlTypes.varchar(200)).notNull();

        Posts() {
            super(METADATA, "demo_posts");
        }
    }

    private final Connection conn;
    private final PrintWriter out;

    ModelsExercise(Connection conn, PrintWriter out) {
        this.conn = conn;
        this.out = out;
    }

    void run() {
        out.println("Exercise 2: users and posts with a relationship (Core; the ORM comes later)");
        conn.execute(Sql.dropTable(POSTS));
        conn.execute(Sql.dropTable(USERS));
        conn.execute(Sql.createTable(USERS));
        conn.execute(Sql.createTable(POSTS));
        conn.commit();
        out.println("  created tables demo_users and demo_posts");

        long alice = addUser("Alice", "alice@example.com");
        long bob = addUser("Bob", "bob@example.com");
        long added = conn.execute(Sql.insert(POSTS), List.of(
                Map.of(POSTS.authorId, alice, POSTS.title, "Hello, Vellum"),
                Map.of(POSTS.authorId, bob, POSTS.title, "Binds, always"),
                Map.of(POSTS.authorId, alice, POSTS.title, "Relationships without N+1"))).rowCount();
        conn.commit();
        out.println("  added 2 users and " + added + " posts");

        out.println("  posts by Alice:");
        var byAlice = Sql.select(POSTS.title)
                .from(POSTS.join(USERS, POSTS.authorId.eq(USERS.id)))
                .where(USERS.name.eq("Alice"))
                .orderBy(POSTS.id);
        for (Row row : conn.execute(byAlice)) {
            out.println("    " + row.get(POSTS.title));
        }
        var perUser = Sql.select(USERS.name, Sql.count(POSTS.id))
                .from(USERS.leftJoin(POSTS, POSTS.authorId.eq(USERS.id)))
                .groupBy(USERS.name)
                .orderBy(USERS.name);
        var counts = new StringBuilder("  posts per user:");
        for (Row row : conn.execute(perUser)) {
            counts.append(' ').append(row.get(USERS.name)).append('=').append(row.get(Sql.count(POSTS.id)));
        }
        out.println(counts);
        conn.commit();
    }

    private long addUser(String name, String email) {
        return conn.execute(Sql.insert(USERS).value(USERS.name, name).value(USERS.email, email)
                .returning(USERS.id)).one().get(USERS.id);
    }
}
