package dev.vellum.e2e.core;

import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.TEXT;
import static dev.vellum.sql.SqlTypes.varchar;

import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.Table;

/** The tables of the Core ITs: users and their posts, as plain Java. */
final class Blog {
    static final MetaData METADATA = new MetaData();
    static final Users USERS = new Users();
    static final Posts POSTS = new Posts();

    private Blog() {
    }

    /** users(id, name, email unique, age). */
    static final class Users extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<String> name = column("name", varchar(50)).notNull();
        final Column<String> email = column("email", varchar(100)).unique();
        final Column<Integer> age = column("age", INTEGER);

        Users() {
            super(METADATA, "core_users");
            index("ix_core_users_name", name);
        }
    }

    /** posts(id, author_id → users.id on delete cascade, title, body). */
    static final class Posts extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<Long> authorId = column("author_id", BIGINT).notNull().references(USERS.id)
                .onDelete(ReferentialAction.CASCADE);
        final Column<String> title = column("title", varchar(200)).notNull();
        final Column<String> body = column("body", TEXT);

        Posts() {
            super(METADATA, "core_posts");
        }
    }
}
