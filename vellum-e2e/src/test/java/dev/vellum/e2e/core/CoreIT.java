package dev.vellum.e2e.core;

import static dev.vellum.e2e.core.Blog.METADATA;
import static dev.vellum.e2e.core.Blog.POSTS;
import static dev.vellum.e2e.core.Blog.USERS;
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.coalesce;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.delete;
import static dev.vellum.sql.Sql.excluded;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.max;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.set;
import static dev.vellum.sql.Sql.text;
import static dev.vellum.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.NotSupportedException;
import dev.vellum.sql.Column;
import dev.vellum.sql.SqlTypes;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;
import org.junit.jupiter.api.AfterEach;

/** Core statements compiled per dialect and run on every database. */
class CoreIT {
    private Engine engine;

    private Engine engine(TestDatabase db) {
        engine = db.createEngine();
        engine.dropAll(METADATA);
        engine.createAll(METADATA);
        engine.createAll(METADATA); // idempotent
        return engine;
    }

    @AfterEach
    void dropTables() {
        if (engine != null) {
            engine.dropAll(METADATA);
        }
    }

    private static Map<Column<?>, Object> user(String name, String email, Integer age) {
        var row = new java.util.HashMap<Column<?>, Object>();
        row.put(USERS.name, name);
        row.put(USERS.email, email);
        row.put(USERS.age, age);
        return row;
    }

    @DatabaseTest
    void selectInsertUpdateDeleteRoundTrip(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            long alice = conn.execute(insert(USERS).value(USERS.name, "Alice").value(USERS.email, "a@x")
                    .value(USERS.age, 30).returning(USERS.id)).one().get(USERS.id);
            conn.execute(insert(USERS), List.of(user("Bob", "b@x", 17), user("Carol", "c@x", null)));
            conn.execute(insert(POSTS).value(POSTS.authorId, alice).value(POSTS.title, "Hello"));
            conn.execute(insert(POSTS).value(POSTS.authorId, alice).value(POSTS.title, "Again"));

            List<Row> adults = conn.execute(select(USERS.id, USERS.name).where(USERS.age.ge(18))
                    .orderBy(USERS.name)).all();
            assertThat(adults).hasSize(1);
            assertThat(adults.getFirst().get(USERS.name)).isEqualTo("Alice");
            assertThat(adults.getFirst().get(USERS.id)).isEqualTo(alice);

            Row perAuthor = conn.execute(select(USERS.name, count().as("posts"), max(POSTS.id).as("last_post"))
                    .from(USERS.join(POSTS, POSTS.authorId.eq(USERS.id))).groupBy(USERS.name)
                    .having(count().gt(1L))).one();
            assertThat(perAuthor.get(USERS.name)).isEqualTo("Alice");
            assertThat(perAuthor.get(count())).isEqualTo(2L);

            assertThat(conn.execute(update(USERS).set(USERS.age, 18).where(USERS.name.eq("Bob"))).rowCount())
                    .isEqualTo(1);
            assertThat(conn.execute(select(count()).from(USERS).where(USERS.age.isNull())).scalar(Long.class))
                    .isEqualTo(1L);
            assertThat(conn.execute(delete(USERS).where(USERS.name.in(List.of("Carol", "Nobody")))).rowCount())
                    .isEqualTo(1);
            assertThat(conn.execute(select(USERS.name).where(USERS.id.in(List.of()))).all()).isEmpty();
            List<String> names = conn.execute(select(USERS.name).where(USERS.id.notIn(List.of())).orderBy(USERS.name))
                    .all().stream().map(r -> r.get(USERS.name)).toList();
            assertThat(names).containsExactly("Alice", "Bob");
            assertThat(conn.execute(text("SELECT count(*) FROM core_posts WHERE title = :t").bind("t", "Hello"))
                    .scalar(Long.class)).isEqualTo(1L);
        });
    }

    @DatabaseTest
    void manyRowsReturnTheirKeysInInputOrder(TestDatabase db) {
        var rows = new ArrayList<Map<Column<?>, Object>>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(user("user " + i, "u" + i + "@x", i % 90));
        }
        engine(db).useTransaction(conn -> {
            List<Row> returned = conn.execute(insert(USERS).returning(USERS.id, USERS.name), rows).all();
            assertThat(returned).hasSize(rows.size());
            long previous = Long.MIN_VALUE;
            for (int i = 0; i < returned.size(); i++) {
                Row row = returned.get(i);
                assertThat(row.get(USERS.name)).isEqualTo("user " + i);
                assertThat(row.size()).as("no key column added to what was asked").isEqualTo(2);
                long id = row.get(USERS.id);
                assertThat(id).isGreaterThan(previous);
                previous = id;
                long stored = conn.execute(select(USERS.id).where(USERS.email.eq("u" + i + "@x"))).one().get(USERS.id);
                if (i % 500 == 0) {
                    assertThat(id).as("the key returned for row " + i + " is that row's").isEqualTo(stored);
                }
            }
            assertThat(conn.execute(insert(USERS), rows.subList(0, 0)).rowCount()).isZero();
        });
    }

    @DatabaseTest
    void upsertDoesNothingOrUpdatesTheProposedValues(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            conn.execute(insert(USERS).value(USERS.name, "Alice").value(USERS.email, "a@x").value(USERS.age, 30));
            conn.execute(insert(USERS).value(USERS.name, "Impostor").value(USERS.email, "a@x")
                    .onConflict(USERS.email).doNothing());
            assertThat(conn.execute(select(USERS.name).where(USERS.email.eq("a@x"))).one().get(USERS.name))
                    .isEqualTo("Alice");
            conn.execute(insert(USERS).value(USERS.name, "Alice B.").value(USERS.email, "a@x").value(USERS.age, 31)
                    .onConflict(USERS.email).doUpdate(set(USERS.name, excluded(USERS.name)),
                            set(USERS.age, excluded(USERS.age))));
            Row row = conn.execute(select(USERS.name, USERS.age).where(USERS.email.eq("a@x"))).one();
            assertThat(row.get(USERS.name)).isEqualTo("Alice B.");
            assertThat(row.get(USERS.age)).isEqualTo(31);
            assertThat(conn.execute(select(count()).from(USERS)).scalar(Long.class)).isEqualTo(1L);
            assertThatThrownBy(() -> conn.execute(insert(USERS).value(USERS.name, "X").value(USERS.email, "a@x")))
                    .isInstanceOf(IntegrityException.class);
        });
    }

    @DatabaseTest
    void nullBindsAreSentWithTheirType(TestDatabase db) {
        engine(db).useTransaction(conn -> {
            Row row = conn.execute(select(bind((Integer) null, SqlTypes.INTEGER).as("n"),
                    coalesce(bind((String) null, SqlTypes.TEXT), "fallback").as("f"))).one();
            assertThat(row.get("n")).isNull();
            assertThat(row.get("f")).isEqualTo("fallback");
        });
    }

    @DatabaseTest
    void whatADatabaseCannotSayFailsBeforeAnythingIsSent(TestDatabase db) {
        var returningUpdate = update(USERS).set(USERS.age, 1).returning(USERS.id);
        if (db.db() == TestDb.MARIADB) {
            assertThatThrownBy(() -> db.createEngine().dialect().compile(returningUpdate))
                    .isInstanceOf(NotSupportedException.class)
                    .hasMessageContaining("MariaDB").hasMessageContaining("UPDATE ... RETURNING");
        } else {
            engine(db).useTransaction(conn -> {
                conn.execute(insert(USERS).value(USERS.name, "A").value(USERS.age, 0));
                assertThat(conn.execute(returningUpdate).one().get(USERS.id)).isPositive();
            });
        }
    }
}
