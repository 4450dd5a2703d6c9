package dev.vellum.e2e.core;

import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.BOOLEAN;
import static dev.vellum.sql.SqlTypes.BYTES;
import static dev.vellum.sql.SqlTypes.DATE;
import static dev.vellum.sql.SqlTypes.DOUBLE;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.JSON;
import static dev.vellum.sql.SqlTypes.JSONB;
import static dev.vellum.sql.SqlTypes.REAL;
import static dev.vellum.sql.SqlTypes.SMALLINT;
import static dev.vellum.sql.SqlTypes.TEXT;
import static dev.vellum.sql.SqlTypes.TIME;
import static dev.vellum.sql.SqlTypes.TIMESTAMP;
import static dev.vellum.sql.SqlTypes.TIMESTAMP_TZ;
import static dev.vellum.sql.SqlTypes.UUID_TYPE;
import static dev.vellum.sql.SqlTypes.numeric;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Inspector;
import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedForeignKey;
import dev.vellum.engine.ReflectedIndex;
import dev.vellum.engine.ReflectedTable;
import dev.vellum.engine.ReflectedUnique;
import dev.vellum.sql.Column;
import dev.vellum.sql.Constraint;
import dev.vellum.sql.Index;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.Sql;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.SqlTypes;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Expression;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/**
 * Tables defined in Java, created with {@code engine.createAll}, come back from {@code engine.reflect()} with the
 * same columns, types, nullability, keys, constraints and indexes, allowing for what each database does not keep
 * (listed in {@link #expectedType}); and a reflected {@link MetaData} created again reflects to the same thing.
 */
class ReflectRoundTripIT {
    /** The tables, built fresh per run so PostgreSQL can have its own types. */
    private static MetaData schema(TestDb db) {
        var md = new MetaData();
        var author = new Table(md, "rt_author");
        Column<Long> authorId = author.column("id", BIGINT).primaryKey().autoincrement();
        Column<String> name = author.column("name", varchar(80)).notNull();
        author.column("email", varchar(120)).notNull().unique();
        author.column("bio", TEXT);
        author.column("active", BOOLEAN).notNull().serverDefault(true);
        author.column("born", DATE);
        author.column("wakes", TIME);
        author.column("joined", TIMESTAMP).notNull().serverDefault(Sql.currentTimestamp());
        author.column("balance", numeric(12, 2)).notNull().serverDefault(new BigDecimal("0.50"));
        author.column("ratio", REAL);
        author.column("score", DOUBLE).notNull().serverDefault(2.5);
        author.column("rank", SMALLINT).serverDefault((short) 3);
        author.column("visits", INTEGER).notNull().serverDefault(0);
        author.column("motto", varchar(40)).serverDefault("carpe 'diem'");
        author.column("token", UUID_TYPE);
        author.column("avatar", BYTES);
        author.column("prefs", JSON);
        author.column("seen", TIMESTAMP_TZ);
        author.column("mentor_id", BIGINT).references(authorId).onDelete(ReferentialAction.SET_NULL);
        if (db == TestDb.POSTGRESQL) {
            author.column("doc", JSONB);
            author.column("tags", SqlTypes.arrayOf(INTEGER));
        }
        author.index("ix_rt_author_name", name);

        var post = new Table(md, "rt_post");
        Column<Long> postAuthor = post.column("author_id", BIGINT).notNull().references(authorId)
                .onDelete(ReferentialAction.CASCADE);
        Column<Integer> seq = post.column("seq", INTEGER).notNull();
        Column<String> slug = post.column("slug", varchar(60)).notNull();
        Column<String> title = post.column("title", varchar(200)).notNull();
        Column<String> lang = post.column("lang", varchar(5)).notNull().serverDefault("en");
        post.primaryKey(postAuthor, seq);
        post.unique("uq_rt_post_slug", lang, slug);
        post.index("ix_rt_post_title_lang", title, lang);
        post.uniqueIndex("ux_rt_post_title", postAuthor, title);

        var comment = new Table(md, "rt_comment");
        Column<Long> commentId = comment.column("id", BIGINT).primaryKey().autoincrement();
        Column<Long> commentAuthor = comment.column("author_id", BIGINT).notNull();
        Column<Integer> commentSeq = comment.column("seq", INTEGER).notNull();
        comment.column("body", TEXT).notNull();
        comment.column("reply_to", BIGINT).references(commentId).onDelete(ReferentialAction.CASCADE);
        comment.foreignKey(List.of(commentAuthor, commentSeq), List.of(postAuthor, seq), ReferentialAction.CASCADE,
                ReferentialAction.NO_ACTION);
        return md;
    }

    /** What a defined type comes back as: the same, except where the database stores it as another type. */
    private static SqlType<?> expectedType(Column<?> column, TestDb db) {
        SqlType<?> type = column.type();
        return switch (db) {
            case SQLITE -> column.isAutoincrement() ? INTEGER          // INTEGER PRIMARY KEY, the rowid
                    : type.equals(UUID_TYPE) || type.equals(JSON) ? TEXT // written as TEXT
                    : type.equals(TIMESTAMP_TZ) ? TIMESTAMP : type;
            case POSTGRESQL -> type;
            case MARIADB -> type.equals(TIMESTAMP_TZ) ? TIMESTAMP : type; // DATETIME(6), UTC by convention
        };
    }

    @DatabaseTest
    void definedTablesComeBackFromTheDatabase(TestDatabase db) {
        MetaData defined = schema(db.db());
        Engine engine = db.createEngine();
        engine.dropAll(defined);
        try {
            engine.createAll(defined);
            MetaData reflected = engine.reflect();
            assertThat(reflected.tables()).extracting(Table::name)
                    .containsExactly("rt_author", "rt_comment", "rt_post");
            for (Table table : defined.tables()) {
                assertSameTable(table, reflected.table(table.name()), engine.inspector(), db.db());
            }
        } finally {
            engine.dropAll(defined);
        }
    }

    private static void assertSameTable(Table defined, Table reflected, Inspector inspector, TestDb db) {
        String where = defined.name() + " on " + db;
        assertThat(reflected.columns()).extracting(Column::name).as(where)
                .containsExactlyElementsOf(defined.columns().stream().map(Column::name).toList());
        for (Column<?> c : defined.columns()) {
            Column<?> r = reflected.column(c.name());
            assertThat(r.type()).as("type of %s.%s", where, c.name()).isEqualTo(expectedType(c, db));
            assertThat(r.isNullable()).as("nullability of %s.%s", where, c.name()).isEqualTo(c.isNullable());
            assertThat(r.isAutoincrement()).as("autoincrement of %s.%s", where, c.name())
                    .isEqualTo(c.isAutoincrement());
            assertThat(r.serverDefault() != null).as("default of %s.%s", where, c.name())
                    .isEqualTo(c.serverDefault() != null);
        }
        assertThat(names(reflected.primaryKeyColumns())).as("primary key of " + where)
                .isEqualTo(names(defined.primaryKeyColumns()));

        assertThat(foreignKeys(reflected, db)).as("foreign keys of " + where)
                .containsExactlyInAnyOrderElementsOf(foreignKeys(defined, db));

        // unique constraints (a column's own UNIQUE included) by columns: their names are the database's
        Set<List<String>> uniques = new HashSet<>();
        defined.columns().stream().filter(Column::isUnique).forEach(c -> uniques.add(List.of(c.name())));
        defined.constraints().stream().filter(Constraint.Unique.class::isInstance)
                .forEach(u -> uniques.add(names(((Constraint.Unique) u).columns())));
        Set<String> indexes = new HashSet<>();
        for (Index i : defined.indexes()) {
            if (i.unique() && db == TestDb.MARIADB) {
                uniques.add(names(i.columns())); // a unique index is a unique key there
            } else {
                indexes.add(i.name() + names(i.columns()) + (i.unique() ? " unique" : ""));
            }
        }
        ReflectedTable read = inspector.table(defined.name());
        assertThat(read.uniqueConstraints()).extracting(ReflectedUnique::columns).as("unique constraints of " + where)
                .containsExactlyInAnyOrderElementsOf(uniques);
        List<ReflectedIndex> readIndexes = read.indexes();
        if (db == TestDb.MARIADB) {
            // MariaDB adds an index for each foreign key no index starts with
            readIndexes = readIndexes.stream().filter(i -> defined.indexes().stream()
                    .anyMatch(d -> d.name().equals(i.name()))).toList();
            assertThat(read.indexes().size() - readIndexes.size()).as("indexes MariaDB added to " + where)
                    .isEqualTo(implicitForeignKeyIndexes(defined));
        }
        assertThat(readIndexes).extracting(i -> i.name() + i.columns() + (i.unique() ? " unique" : ""))
                .as("indexes of " + where).containsExactlyInAnyOrderElementsOf(indexes);
        assertThat(reflected.indexes()).extracting(Index::name).as("indexes of the reflected " + where)
                .containsAll(readIndexes.stream().map(ReflectedIndex::name).toList());
    }

    /** The foreign keys no index (key, unique or plain) of the table starts with: MariaDB indexes each of them. */
    private static long implicitForeignKeyIndexes(Table table) {
        List<List<String>> leading = new ArrayList<>();
        leading.add(names(table.primaryKeyColumns()));
        table.columns().stream().filter(Column::isUnique).forEach(c -> leading.add(List.of(c.name())));
        table.constraints().stream().filter(Constraint.Unique.class::isInstance)
                .forEach(u -> leading.add(names(((Constraint.Unique) u).columns())));
        table.indexes().forEach(i -> leading.add(names(i.columns())));
        return table.foreignKeys().stream().map(fk -> names(fk.columns()))
                .filter(fk -> leading.stream().noneMatch(l -> l.size() >= fk.size() && l.subList(0, fk.size())
                        .equals(fk)))
                .count();
    }

    /** A foreign key as comparable text; MariaDB reports NO ACTION as RESTRICT. */
    private static List<String> foreignKeys(Table table, TestDb db) {
        return table.foreignKeys().stream().map(fk -> names(fk.columns()) + " -> " + fk.referencedTable().name()
                + names(fk.referenced()) + " on delete " + action(fk.onDelete(), db) + " on update "
                + action(fk.onUpdate(), db)).toList();
    }

    private static ReferentialAction action(ReferentialAction action, TestDb db) {
        return db == TestDb.MARIADB && action == ReferentialAction.NO_ACTION ? ReferentialAction.RESTRICT : action;
    }

    private static List<String> names(List<Column<?>> columns) {
        return columns.stream().map(Column::name).toList();
    }

    @DatabaseTest
    void aReflectedMetaDataCreatedAgainReflectsTheSame(TestDatabase db) {
        MetaData defined = schema(db.db());
        Engine engine = db.createEngine();
        engine.dropAll(defined);
        try {
            engine.createAll(defined);
            List<ReflectedTable> first = readAll(engine.inspector());
            MetaData reflected = engine.reflect();
            engine.dropAll(reflected);
            assertThat(engine.inspector().tables()).isEmpty();

            engine.createAll(reflected);
            List<ReflectedTable> second = readAll(engine.inspector());
            assertThat(second).isEqualTo(first);
        } finally {
            engine.dropAll(defined);
        }
    }

    private static List<ReflectedTable> readAll(Inspector inspector) {
        return inspector.tables().stream().map(inspector::table).toList();
    }

    @DatabaseTest
    void foreignKeyActionsAndDefaultsSurviveTheTrip(TestDatabase db) {
        MetaData defined = schema(db.db());
        Engine engine = db.createEngine();
        engine.dropAll(defined);
        try {
            engine.createAll(defined);
            Inspector inspector = engine.inspector();
            List<ReflectedForeignKey> comment = inspector.foreignKeys("rt_comment");
            assertThat(comment).extracting(ReflectedForeignKey::referredTable, ReflectedForeignKey::columns,
                    ReflectedForeignKey::referredColumns, ReflectedForeignKey::onDelete)
                    .containsExactlyInAnyOrder(
                            tuple("rt_comment", List.of("reply_to"), List.of("id"),
                                    ReferentialAction.CASCADE),
                            tuple("rt_post", List.of("author_id", "seq"),
                                    List.of("author_id", "seq"), ReferentialAction.CASCADE));
            ReflectedColumn motto = inspector.table("rt_author").column("motto");
            assertThat(motto.defaultValue()).contains("carpe ''diem''");
            Table author = engine.reflect().table("rt_author");
            assertThat(((Expression.Bind<?>) author.column("motto").serverDefault()).value())
                    .isEqualTo("carpe 'diem'");
            assertThat(((Expression.Bind<?>) author.column("balance").serverDefault()).value())
                    .isEqualTo(new BigDecimal("0.50"));
        } finally {
            engine.dropAll(defined);
        }
    }
}
