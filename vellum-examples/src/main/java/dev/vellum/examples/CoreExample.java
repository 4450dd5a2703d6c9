package dev.vellum.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import dev.vellum.dialect.Compiled;
import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.engine.Vellum;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Select;

import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.excluded;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.set;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.varchar;

/**
 * The tutorial's SQLAlchemy model and query ({@code class User(Base)}, {@code create_all},
 * {@code select(User).where(User.name == "Alice")}) and its exercise 2 (users with posts, the posts of one user),
 * in Vellum Core: tables as plain Java, statements compiled per database, every value a bind.
 */
public final class CoreExample {
    // tag::core-tables[]
    static final MetaData METADATA = new MetaData();

    static final class Users extends Table {                       // class User(Base): __tablename__ = ...
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<String> name = column("name", varchar(50)).notNull();
        final Column<String> email = column("email", varchar(100)).unique();

        Users() {
            super(METADATA, "blog_users");
        }
    }

    static final Users USERS = new Users();

    static final class Posts extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<Long> authorId = column("author_id", BIGINT).notNull()
                .references(USERS.id).onDelete(ReferentialAction.CASCADE);
        final Column<String> title = column("title", varchar(200)).notNull();

        Posts() {
            super(METADATA, "blog_posts");
        }
    }

    static final Posts POSTS = new Posts();
    // end::core-tables[]

    private CoreExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Creates the tables, adds a user with posts, queries them, upserts, and prints what it found. */
    public static void run(String url, PrintStream out) {
        try (Engine engine = Vellum.createEngine(url)) {
            engine.dropAll(METADATA);
            // tag::core[]
            engine.createAll(METADATA);                             // Base.metadata.create_all(engine)
            engine.useTransaction(conn -> {
                long alice = conn.execute(insert(USERS)
                                .value(USERS.name, "Alice").value(USERS.email, "alice@example.com")
                                .returning(USERS.id))
                        .one().get(USERS.id);
                conn.execute(insert(POSTS), List.of(                // many rows in one batch
                        Map.of(POSTS.authorId, alice, POSTS.title, "Hello, Vellum"),
                        Map.of(POSTS.authorId, alice, POSTS.title, "Core without strings")));
            });
            try (Connection conn = engine.connect()) {
                Select byName = select(USERS).where(USERS.name.eq("Alice"));   // select(User).where(...)
                Row user = conn.execute(byName).first();
                out.println(user.get(USERS.email));                 // alice@example.com
                var postsOfAlice = select(POSTS.title)
                        .from(POSTS.join(USERS, POSTS.authorId.eq(USERS.id)))
                        .where(USERS.name.eq("Alice"))
                        .orderBy(POSTS.id);
                for (Row post : conn.execute(postsOfAlice)) {
                    out.println(post.get(POSTS.title));             // Hello, Vellum / Core without strings
                }
            }
            // end::core[]
            upsert(engine, out);
        }
    }

    private static void upsert(Engine engine, PrintStream out) {
        // tag::core-upsert[]
        engine.useTransaction(conn -> {
            var rename = insert(USERS)
                    .value(USERS.name, "Alice Liddell").value(USERS.email, "alice@example.com")
                    .onConflict(USERS.email)                        // PostgreSQL/SQLite ON CONFLICT,
                    .doUpdate(set(USERS.name, excluded(USERS.name)));   // MariaDB ON DUPLICATE KEY UPDATE
            conn.execute(rename);
            Compiled sql = conn.dialect().compile(select(count()).from(USERS).where(USERS.name.like("Alice%")));
            out.println(sql.sql() + " " + sql.params());           // SQL text and binds, as sent
            out.println(conn.execute(select(USERS.name)).one().get(USERS.name));   // Alice Liddell
        });
        // end::core-upsert[]
    }
}
