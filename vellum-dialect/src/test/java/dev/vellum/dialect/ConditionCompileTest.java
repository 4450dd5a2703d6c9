package dev.vellum.dialect;

import static dev.vellum.dialect.Asserts.ALL;
import static dev.vellum.dialect.Asserts.MARIADB;
import static dev.vellum.dialect.Asserts.POSTGRES;
import static dev.vellum.dialect.Asserts.SQLITE;
import static dev.vellum.dialect.Asserts.assertAll;
import static dev.vellum.dialect.Asserts.assertOn;
import static dev.vellum.dialect.Asserts.assertSql;
import static dev.vellum.dialect.Schema.ITEMS;
import static dev.vellum.dialect.Schema.POSTS;
import static dev.vellum.dialect.Schema.USERS;
import static dev.vellum.sql.Sql.and;
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.exists;
import static dev.vellum.sql.Sql.isTrue;
import static dev.vellum.sql.Sql.not;
import static dev.vellum.sql.Sql.notExists;
import static dev.vellum.sql.Sql.or;
import static dev.vellum.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import dev.vellum.error.InterfaceException;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Select;
import org.junit.jupiter.api.Test;

/** Conditions in WHERE: comparisons, junctions, LIKE, BETWEEN, IN, EXISTS, IS NULL, and their parentheses. */
class ConditionCompileTest {
    private static final String WHERE = "SELECT users.id FROM users WHERE ";

    private static Select where(Condition condition) {
        return select(USERS.id).where(condition);
    }

    @Test
    void everyComparisonOperator() {
        assertAll(where(USERS.age.eq(18)), WHERE + "users.age = ?", List.of(18));
        assertAll(where(USERS.age.ne(18)), WHERE + "users.age <> ?", List.of(18));
        assertAll(where(USERS.age.lt(18)), WHERE + "users.age < ?", List.of(18));
        assertAll(where(USERS.age.le(18)), WHERE + "users.age <= ?", List.of(18));
        assertAll(where(USERS.age.gt(18)), WHERE + "users.age > ?", List.of(18));
        assertAll(where(USERS.age.ge(18)), WHERE + "users.age >= ?", List.of(18));
        assertAll(where(USERS.id.eq(POSTS.authorId)), WHERE + "users.id = posts.author_id", List.of());
        assertAll(where(USERS.name.eq(USERS.email)), WHERE + "users.name = users.email", List.of());
    }

    @Test
    void comparingWithNullIsIsNull() {
        assertAll(where(USERS.age.eq((Integer) null)), WHERE + "users.age IS NULL", List.of());
        assertAll(where(USERS.age.ne((Integer) null)), WHERE + "users.age IS NOT NULL", List.of());
        assertAll(where(USERS.email.isNull()), WHERE + "users.email IS NULL", List.of());
        assertAll(where(USERS.email.isNotNull()), WHERE + "users.email IS NOT NULL", List.of());
        assertThatThrownBy(() -> USERS.age.gt((Integer) null)).isInstanceOf(InterfaceException.class);
    }

    @Test
    void aBindOfNullIsStillABind() {
        assertAll(where(USERS.email.eq(bind(null, USERS.email.type()))), WHERE + "users.email = ?",
                Arrays.asList((Object) null));
    }

    @Test
    void andOrFlattenAndNestWithParentheses() {
        var a = USERS.age.gt(18);
        var b = USERS.name.eq("Ann");
        var c = USERS.email.isNull();
        assertAll(where(a.and(b).and(c)), WHERE + "users.age > ? AND users.name = ? AND users.email IS NULL",
                List.of(18, "Ann"));
        assertAll(where(a.or(b).or(c)), WHERE + "users.age > ? OR users.name = ? OR users.email IS NULL",
                List.of(18, "Ann"));
        assertAll(where(a.and(b).or(c)), WHERE + "(users.age > ? AND users.name = ?) OR users.email IS NULL",
                List.of(18, "Ann"));
        assertAll(where(a.and(b.or(c))), WHERE + "users.age > ? AND (users.name = ? OR users.email IS NULL)",
                List.of(18, "Ann"));
        assertAll(where(or(and(a, b), and(b, c))), WHERE
                + "(users.age > ? AND users.name = ?) OR (users.name = ? AND users.email IS NULL)",
                List.of(18, "Ann", "Ann"));
    }

    @Test
    void emptyJunctionsAreConstants() {
        assertAll(where(and()), WHERE + "1 = 1", List.of());
        assertAll(where(or()), WHERE + "1 = 0", List.of());
        assertAll(where(and(USERS.age.gt(1))), WHERE + "users.age > ?", List.of(1));
        assertAll(where(or(USERS.age.gt(1), and())), WHERE + "users.age > ? OR 1 = 1", List.of(1));
    }

    @Test
    void repeatedWhereCallsAreAnded() {
        var stmt = select(USERS.id).where(USERS.age.gt(1).or(USERS.age.lt(0))).where(USERS.name.ne("x"));
        assertAll(stmt, WHERE + "(users.age > ? OR users.age < ?) AND users.name <> ?", List.of(1, 0, "x"));
    }

    @Test
    void notWrapsItsOperand() {
        assertAll(where(not(USERS.age.gt(18))), WHERE + "NOT (users.age > ?)", List.of(18));
        assertAll(where(USERS.age.gt(18).or(USERS.age.lt(5)).not()), WHERE
                + "NOT (users.age > ? OR users.age < ?)", List.of(18, 5));
        assertAll(where(not(not(USERS.email.isNull())).and(USERS.age.eq(3))), WHERE
                + "NOT (NOT (users.email IS NULL)) AND users.age = ?", List.of(3));
    }

    @Test
    void aConditionUsedAsAnOperandIsParenthesised() {
        String items = "SELECT items.id FROM items WHERE ";
        var either = ITEMS.id.gt(10L).or(ITEMS.id.lt(2L));
        assertAll(select(ITEMS.id).where(ITEMS.active.eq(either)),
                items + "items.active = (items.id > ? OR items.id < ?)", List.of(10L, 2L));
        assertAll(select(ITEMS.id).where(ITEMS.active.ne(ITEMS.id.gt(3L))),
                items + "items.active <> (items.id > ?)", List.of(3L));
        assertAll(select(ITEMS.id).where(either.isNull()),
                items + "(items.id > ? OR items.id < ?) IS NULL", List.of(10L, 2L));
        assertAll(select(ITEMS.id).where(isTrue(either).and(ITEMS.active.isNotNull())),
                items + "(items.id > ? OR items.id < ?) AND items.active IS NOT NULL", List.of(10L, 2L));
        var between = new Condition.Between(either, bind(false), ITEMS.id.eq(4L), false);
        assertAll(select(ITEMS.id).where(between),
                items + "(items.id > ? OR items.id < ?) BETWEEN ? AND (items.id = ?)", List.of(10L, 2L, false, 4L));
    }

    @Test
    void aBooleanColumnIsACondition() {
        assertAll(select(ITEMS.id).where(isTrue(ITEMS.active)), "SELECT items.id FROM items WHERE items.active",
                List.of());
        assertAll(select(ITEMS.id).where(not(isTrue(ITEMS.active))),
                "SELECT items.id FROM items WHERE NOT (items.active)", List.of());
        assertAll(select(ITEMS.id).where(ITEMS.active.eq(true)), "SELECT items.id FROM items WHERE items.active = ?",
                List.of(true));
    }

    @Test
    void likeAndNotLike() {
        assertAll(where(USERS.name.like("A%")), WHERE + "users.name LIKE ?", List.of("A%"));
        assertAll(where(USERS.name.notLike("A%")), WHERE + "users.name NOT LIKE ?", List.of("A%"));
        assertAll(where(USERS.name.like("50!%%", '!')), WHERE + "users.name LIKE ? ESCAPE '!'", List.of("50!%%"));
        assertAll(where(USERS.name.like("it''s", '\'')), WHERE + "users.name LIKE ? ESCAPE ''''", List.of("it''s"));
    }

    @Test
    void ilikeIsNativeOnPostgresAndLowerElsewhere() {
        assertOn(where(USERS.name.ilike("a%")), WHERE + "lower(users.name) LIKE lower(?)", List.of("a%"), SQLITE,
                MARIADB);
        assertSql(where(USERS.name.ilike("a%")), POSTGRES, WHERE + "users.name ILIKE ?", List.of("a%"));
        var negated = new Condition.Like(USERS.name, bind("a%"), null, true, true);
        assertSql(where(negated), SQLITE, WHERE + "lower(users.name) NOT LIKE lower(?)", List.of("a%"));
        assertSql(where(negated), POSTGRES, WHERE + "users.name NOT ILIKE ?", List.of("a%"));
        assertSql(where(negated), MARIADB, WHERE + "lower(users.name) NOT LIKE lower(?)", List.of("a%"));
    }

    @Test
    void ilikeWithABackslashEscape() {
        var stmt = where(USERS.name.ilike("100\\%", '\\'));
        assertSql(stmt, SQLITE, WHERE + "lower(users.name) LIKE lower(?) ESCAPE '\\'", List.of("100\\%"));
        assertSql(stmt, POSTGRES, WHERE + "users.name ILIKE ? ESCAPE '\\'", List.of("100\\%"));
        assertSql(stmt, MARIADB, WHERE + "lower(users.name) LIKE lower(?) ESCAPE '\\\\'", List.of("100\\%"));
    }

    @Test
    void betweenAndNotBetween() {
        assertAll(where(USERS.age.between(20, 30)), WHERE + "users.age BETWEEN ? AND ?", List.of(20, 30));
        var notBetween = new Condition.Between(USERS.age, bind(1), USERS.id, true);
        assertAll(where(notBetween), WHERE + "users.age NOT BETWEEN ? AND users.id", List.of(1));
    }

    @Test
    void inAndNotInWithValues() {
        assertAll(where(USERS.age.in(1, 2, 3)), WHERE + "users.age IN (?, ?, ?)", List.of(1, 2, 3));
        assertAll(where(USERS.name.in(List.of("a", "b"))), WHERE + "users.name IN (?, ?)", List.of("a", "b"));
        assertAll(where(USERS.age.notIn(List.of(7))), WHERE + "users.age NOT IN (?)", List.of(7));
        assertThatThrownBy(() -> USERS.age.in(Arrays.asList(1, null))).isInstanceOf(InterfaceException.class);
    }

    @Test
    void emptyInListsAreConstantConditions() {
        assertAll(where(USERS.age.in(List.of())), WHERE + "1 = 0", List.of());
        assertAll(where(USERS.age.notIn(List.of())), WHERE + "1 = 1", List.of());
        assertAll(where(USERS.age.gt(3).and(USERS.id.in(List.of()))), WHERE + "users.age > ? AND 1 = 0",
                List.of(3));
        assertAll(where(bind(5).in(List.of()).or(USERS.age.eq(4))), WHERE + "1 = 0 OR users.age = ?", List.of(4));
    }

    @Test
    void inAndNotInASubquery() {
        var authors = select(POSTS.authorId).where(POSTS.title.like("J%"));
        assertAll(where(USERS.id.in(authors)),
                WHERE + "users.id IN (SELECT posts.author_id FROM posts WHERE posts.title LIKE ?)", List.of("J%"));
        assertAll(where(USERS.id.notIn(authors).and(USERS.age.lt(9))),
                WHERE + "users.id NOT IN (SELECT posts.author_id FROM posts WHERE posts.title LIKE ?)"
                        + " AND users.age < ?", List.of("J%", 9));
    }

    @Test
    void existsAndNotExistsAreCorrelated() {
        var postsOf = select(POSTS.id).where(POSTS.authorId.eq(USERS.id)).where(POSTS.title.ne("x"));
        String sub = "(SELECT posts.id FROM posts WHERE posts.author_id = users.id AND posts.title <> ?)";
        assertAll(where(exists(postsOf)), WHERE + "EXISTS " + sub, List.of("x"));
        assertAll(where(postsOf.exists()), WHERE + "EXISTS " + sub, List.of("x"));
        assertAll(where(notExists(postsOf).or(USERS.age.gt(2))), WHERE + "NOT EXISTS " + sub + " OR users.age > ?",
                List.of("x", 2));
    }

    @Test
    void bindOrderFollowsTheText() {
        var stmt = select(USERS.age.plus(1)).where(USERS.id.in(select(POSTS.authorId).where(POSTS.id.gt(2L))))
                .where(USERS.age.between(3, 4)).orderBy(USERS.age.times(5).asc()).limit(6).offset(7);
        for (Dialect d : ALL) {
            var c = d.compile(stmt);
            Asserts.assertBindCount(c, d);
            org.assertj.core.api.Assertions.assertThat(c.params()).containsExactly(1, 2L, 3, 4, 5, 6L, 7L);
        }
    }
}
