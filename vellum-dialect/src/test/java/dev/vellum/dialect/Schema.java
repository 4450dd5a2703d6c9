package dev.vellum.dialect;

import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.BOOLEAN;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.TEXT;
import static dev.vellum.sql.SqlTypes.TIMESTAMP;
import static dev.vellum.sql.SqlTypes.enumOf;
import static dev.vellum.sql.SqlTypes.numeric;
import static dev.vellum.sql.SqlTypes.varchar;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.Table;

/** The tables the compile tests use. */
final class Schema {
    static final MetaData METADATA = new MetaData();
    static final Users USERS = new Users();
    static final Posts POSTS = new Posts();
    static final Items ITEMS = new Items();

    private Schema() {
    }

    /** users(id, name, email, age). */
    static final class Users extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<String> name = column("name", varchar(50)).notNull();
        final Column<String> email = column("email", varchar(100)).unique();
        final Column<Integer> age = column("age", INTEGER);

        Users() {
            super(METADATA, "users");
        }
    }

    /** posts(id, author_id → users.id, title, body). */
    static final class Posts extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<Long> authorId = column("author_id", BIGINT).notNull().references(USERS.id)
                .onDelete(ReferentialAction.CASCADE);
        final Column<String> title = column("title", varchar(200)).notNull();
        final Column<String> body = column("body", TEXT);

        Posts() {
            super(METADATA, "posts");
        }
    }

    /** A status stored by name. */
    enum Status { ACTIVE, BLOCKED }

    /** items(id, price, active, status, created): a boolean, an enum, a decimal and a timestamp. */
    static final class Items extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey().autoincrement();
        final Column<BigDecimal> price = column("price", numeric(10, 2));
        final Column<Boolean> active = column("active", BOOLEAN).notNull();
        final Column<Status> status = column("status", enumOf(Status.class));
        final Column<LocalDateTime> created = column("created", TIMESTAMP);

        Items() {
            super(METADATA, "items");
        }
    }
}
