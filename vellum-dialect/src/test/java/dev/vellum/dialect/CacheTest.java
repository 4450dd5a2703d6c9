package dev.vellum.dialect;

import static dev.vellum.dialect.Schema.ITEMS;
import static dev.vellum.dialect.Schema.POSTS;
import static dev.vellum.dialect.Schema.USERS;
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.createTable;
import static dev.vellum.sql.Sql.excluded;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.set;
import static dev.vellum.sql.Sql.update;
import static dev.vellum.sql.ast.Frame.Bound.CURRENT_ROW;
import static dev.vellum.sql.ast.Frame.Bound.preceding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import dev.vellum.dialect.mariadb.MariaDbDialect;
import dev.vellum.dialect.postgres.PostgresDialect;
import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.dialect.sqlite.SqliteDialect;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.ast.Statement;
import org.junit.jupiter.api.Test;

/** The compiled-SQL cache: one compilation per statement shape, each statement bound with its own values. */
class CacheTest {
    private static final List<Supplier<BaseDialect>> FRESH = List.of(SqliteDialect::new, PostgresDialect::new,
            MariaDbDialect::new);

    private static Compiled compile(BaseDialect dialect, Statement stmt) {
        Compiled c = dialect.compile(stmt);
        Asserts.assertBindCount(c, dialect);
        return c;
    }

    @Test
    void theSameShapeIsCompiledOnceOnEveryDialect() {
        for (var fresh : FRESH) {
            var d = fresh.get();
            var first = compile(d, select(USERS.id).where(USERS.name.eq("a").and(USERS.age.gt(1))).limit(5));
            var second = compile(d, select(USERS.id).where(USERS.name.eq("b").and(USERS.age.gt(2))).limit(6));
            assertThat(d.cachedShapes()).as(d.name()).isEqualTo(1);
            assertThat(second.sql()).isEqualTo(first.sql());
            assertThat(first.params()).containsExactly("a", 1, 5L);
            assertThat(second.params()).containsExactly("b", 2, 6L);
        }
    }

    @Test
    void differentShapesAreDifferentEntries() {
        var d = new PostgresDialect();
        compile(d, select(USERS.id).where(USERS.age.gt(1)));
        compile(d, select(USERS.id).where(USERS.age.lt(1)));
        compile(d, select(USERS.id).where(USERS.age.gt(1)).limit(1));
        compile(d, select(USERS.name).where(USERS.age.gt(1)));
        compile(d, select(USERS.id).where(USERS.age.gt(9)));
        assertThat(d.cachedShapes()).isEqualTo(4);
    }

    @Test
    void inListsOfDifferentSizesAreDifferentShapes() {
        var d = new SqliteDialect();
        var two = compile(d, select(USERS.id).where(USERS.age.in(1, 2)));
        var three = compile(d, select(USERS.id).where(USERS.age.in(1, 2, 3)));
        var twoAgain = compile(d, select(USERS.id).where(USERS.age.in(8, 9)));
        var none = compile(d, select(USERS.id).where(USERS.age.in(List.of())));
        var notNone = compile(d, select(USERS.id).where(USERS.age.notIn(List.of())));
        assertThat(d.cachedShapes()).isEqualTo(4);
        assertThat(two.sql()).endsWith("IN (?, ?)");
        assertThat(three.sql()).endsWith("IN (?, ?, ?)");
        assertThat(twoAgain.params()).containsExactly(8, 9);
        assertThat(none.sql()).endsWith("WHERE 1 = 0");
        assertThat(notNone.sql()).endsWith("WHERE 1 = 1");
    }

    @Test
    void aBindObjectUsedTwiceIsBoundInBothPlaces() {
        for (var fresh : FRESH) {
            var d = fresh.get();
            var limit = bind(30);
            var shared = compile(d, select(USERS.id).where(USERS.age.gt(limit).or(USERS.id.lt(3L))
                    .or(USERS.age.lt(limit))));
            assertThat(shared.params()).as(d.name()).containsExactly(30, 3L, 30);
            assertThat(d.cachedShapes()).isZero();
            var distinct = compile(d, select(USERS.id).where(USERS.age.gt(bind(1)).or(USERS.id.lt(2L))
                    .or(USERS.age.lt(bind(3)))));
            assertThat(distinct.params()).containsExactly(1, 2L, 3);
            assertThat(d.cachedShapes()).isEqualTo(1);
            var sharedAgain = compile(d, select(USERS.id).where(USERS.age.gt(limit).or(USERS.id.lt(4L))
                    .or(USERS.age.lt(limit))));
            assertThat(sharedAgain.params()).containsExactly(30, 4L, 30);
            var other = bind(7);
            var afterShared = compile(d, select(USERS.id).where(USERS.age.gt(other).or(USERS.id.lt(5L))
                    .or(USERS.age.lt(bind(8)))));
            assertThat(afterShared.params()).containsExactly(7, 5L, 8);
        }
    }

    @Test
    void aSharedBindInAnUpsertAndInSubqueries() {
        var d = new MariaDbDialect();
        var name = bind("same");
        var upsert = insert(USERS).value(USERS.name, name).value(USERS.email, "e").onConflict(USERS.email)
                .doUpdate(set(USERS.name, name));
        assertThat(compile(d, upsert).params()).containsExactly("same", "e", "same");
        var sub = select(POSTS.authorId).where(POSTS.title.eq(name));
        var stmt = select(USERS.id).where(USERS.id.in(sub).and(USERS.name.eq(name)));
        assertThat(compile(d, stmt).params()).containsExactly("same", "same");
        assertThat(d.cachedShapes()).isZero();
    }

    @Test
    void aRepeatedOrderKeyOnMariaDbIsBoundTwiceFromTheCache() {
        var d = new MariaDbDialect();
        var first = compile(d, select(USERS.id).orderBy(USERS.age.minus(1).asc().nullsLast()));
        var second = compile(d, select(USERS.id).orderBy(USERS.age.minus(2).asc().nullsLast()));
        assertThat(d.cachedShapes()).isEqualTo(1);
        assertThat(first.params()).containsExactly(1, 1);
        assertThat(second.params()).containsExactly(2, 2);
    }

    @Test
    void valuesThatAreNotPartOfTheShapeStillChangeTheSql() {
        var d = new PostgresDialect();
        var bang = compile(d, select(USERS.id).where(USERS.name.like("a", '!')));
        var hash = compile(d, select(USERS.id).where(USERS.name.like("a", '#')));
        assertThat(bang.sql()).endsWith("ESCAPE '!'");
        assertThat(hash.sql()).endsWith("ESCAPE '#'");
        var one = compile(d, select(count().over().orderBy(USERS.id.asc()).rows(preceding(1), CURRENT_ROW)));
        var two = compile(d, select(count().over().orderBy(USERS.id.asc()).rows(preceding(2), CURRENT_ROW)));
        assertThat(one.sql()).contains("1 PRECEDING");
        assertThat(two.sql()).contains("2 PRECEDING");
        var aliased = compile(d, select(USERS.id.as("a")));
        var renamed = compile(d, select(USERS.id.as("b")));
        assertThat(aliased.sql()).isNotEqualTo(renamed.sql());
        assertThat(d.cachedShapes()).isEqualTo(6);
    }

    @Test
    void nullAndEnumAndConvertedValuesAreBoundAsStored() {
        var d = new SqliteDialect();
        var withNull = compile(d, update(ITEMS).set(ITEMS.status, (Schema.Status) null).where(ITEMS.id.eq(1L)));
        var withEnum = compile(d, update(ITEMS).set(ITEMS.status, Schema.Status.ACTIVE).where(ITEMS.id.eq(2L)));
        assertThat(d.cachedShapes()).isEqualTo(1);
        assertThat(withNull.params()).containsExactly(null, 1L);
        assertThat(withEnum.params()).containsExactly("ACTIVE", 2L);
        assertThat(withEnum.paramTypes()).containsExactly(ITEMS.status.type(), ITEMS.id.type());
        SqlType<StringBuilder> converted = dev.vellum.sql.SqlTypes.TEXT.as(StringBuilder.class, StringBuilder::new,
                StringBuilder::toString);
        var c = compile(d, select(USERS.id).where(USERS.name.eq(bind(new StringBuilder("sb"), converted).cast(
                dev.vellum.sql.SqlTypes.TEXT))));
        assertThat(c.params()).containsExactly("sb");
        assertThat(c.paramTypes()).containsExactly(dev.vellum.sql.SqlTypes.TEXT);
    }

    @Test
    void ddlIsNotCached() {
        var d = new PostgresDialect();
        d.compile(createTable(USERS));
        d.compile(createTable(USERS));
        assertThat(d.cachedShapes()).isZero();
    }

    @Test
    void theCacheIsBounded() {
        var d = new SqliteDialect();
        for (int i = 0; i <= 2_000; i++) {
            compile(d, select(USERS.id.as("c" + i)));
        }
        assertThat(d.cachedShapes()).isBetween(1, 2_000);
        var c = compile(d, select(USERS.id.as("c5")).where(USERS.age.eq(5)));
        assertThat(c.params()).containsExactly(5);
    }

    @Test
    void theResultColumnsOfACachedShapeAreTheSelectList() {
        var d = new PostgresDialect();
        var upsert = insert(USERS).value(USERS.name, "a").onConflict(USERS.name)
                .doUpdate(set(USERS.name, excluded(USERS.name))).returning(USERS.id);
        assertThat(compile(d, upsert).selected()).containsExactly(USERS.id);
        assertThat(compile(d, select(USERS.name, USERS.age)).selected()).containsExactly(USERS.name, USERS.age);
        assertThat(compile(d, select(USERS.name, USERS.age)).selected()).containsExactly(USERS.name, USERS.age);
    }
}
