package dev.vellum.dialect;

import static dev.vellum.dialect.Schema.POSTS;
import static dev.vellum.dialect.Schema.USERS;
import static dev.vellum.sql.Sql.and;
import static dev.vellum.sql.Sql.bind;
import static dev.vellum.sql.Sql.case_;
import static dev.vellum.sql.Sql.coalesce;
import static dev.vellum.sql.Sql.exists;
import static dev.vellum.sql.Sql.isTrue;
import static dev.vellum.sql.Sql.lower;
import static dev.vellum.sql.Sql.not;
import static dev.vellum.sql.Sql.notExists;
import static dev.vellum.sql.Sql.or;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.upper;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Sql;
import dev.vellum.sql.SqlTypes;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Expression;
import org.junit.jupiter.api.Test;

/**
 * Random condition trees compiled on every dialect: there is one value per placeholder, and the values are in
 * placeholder order. The order is checked against the same condition written with literals (as in a CHECK
 * constraint): putting each value, as a literal, in place of its placeholder must give that text. The trees come
 * from a seeded generator (100 of them, the seed in any failure message), so a failure replays exactly.
 */
class BindOrderPropertyTest {
    private static final String PREFIX = "SELECT users.id FROM users WHERE ";
    private static final int TRIES = 100;
    private static final long SEED = 0x5eed_b1dL;

    @Test
    void valuesMatchPlaceholdersInCountAndOrder() {
        var random = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            Condition condition = new Trees(random).condition(3);
            for (Dialect d : Asserts.ALL) {
                Compiled c = d.compile(select(USERS.id).where(condition));
                String where = "try " + i + " (seed " + SEED + ") on " + d.name() + ": " + c.sql();
                Asserts.assertBindCount(c, d);
                assertThat(c.sql()).as(where).startsWith(PREFIX);
                String inlined = unqualified(inline(c.sql().substring(PREFIX.length()), c.params(), d));
                assertThat(inlined).as(where).isEqualTo(unqualified(literal(condition, d)));
            }
        }
    }

    /** The condition with its values as literals, as a CHECK constraint has it. */
    private static String literal(Condition condition, Dialect d) {
        var t = new Table(new MetaData(), "t");
        t.column("x", SqlTypes.INTEGER);
        t.check(null, condition);
        String ddl = d.compile(Sql.createTable(t)).sql();
        String start = "CHECK (";
        return ddl.substring(ddl.indexOf(start) + start.length(), ddl.length() - 2);
    }

    /** Each placeholder replaced by its value as a literal. */
    private static String inline(String sql, List<Object> params, Dialect d) {
        var out = new StringBuilder();
        int from = 0;
        int next = 0;
        for (int at : Asserts.placeholderPositions(sql, d)) {
            out.append(sql, from, at).append(((BaseDialect) d).literal(params.get(next++)));
            from = at + 1;
        }
        return out.append(sql.substring(from)).toString();
    }

    /** Without table qualifiers, which a CHECK constraint leaves out (the generated strings have no dots). */
    private static String unqualified(String sql) {
        return sql.replace("users.", "").replace("posts.", "");
    }

    /** A generator of random condition trees over the test schema. */
    private static final class Trees {
        private final Random random;

        Trees(Random random) {
            this.random = random;
        }

        @SafeVarargs
        private <T> T oneOf(Supplier<? extends T>... choices) {
            return choices[random.nextInt(choices.length)].get();
        }

        private int ints() {
            return random.nextInt(-99, 1000);
        }

        private String strings() {
            String chars = "ab%_'\\?\"` ";
            var sb = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                sb.append(chars.charAt(random.nextInt(chars.length())));
            }
            return sb.toString();
        }

        Condition condition(int depth) {
            if (depth == 0) {
                return leaf();
            }
            return oneOf(this::leaf,
                () -> {
                    var terms = new ArrayList<Condition>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        terms.add(condition(depth - 1));
                    }
                    Condition[] array = terms.toArray(Condition[]::new);
                    return random.nextBoolean() ? and(array) : or(array);
                },
                () -> not(condition(depth - 1)),
                () -> isTrue(condition(depth - 1)).and(USERS.id.gt(1L)),
                () -> condition(depth - 1).eq(condition(depth - 1)),
                () -> {
                    Condition c = condition(depth - 1);
                    long limit = random.nextInt(10);
                    return switch (random.nextInt(4)) {
                        case 0 -> exists(select(POSTS.id).where(POSTS.authorId.eq(USERS.id)).where(c).limit(limit));
                        case 1 -> notExists(select(POSTS.id).where(c));
                        case 2 -> USERS.id.in(select(POSTS.authorId).where(c).offset(limit));
                        default -> USERS.id.notIn(select(POSTS.authorId).where(c)
                                .orderBy(POSTS.id.plus(limit).asc()));
                    };
                });
        }

        private Condition leaf() {
            return oneOf(this::comparison, this::textComparison, this::between, this::inList, this::like,
                    this::nullTest);
        }

        private Expression<Integer> intExpression(int depth) {
            if (depth == 0 || random.nextInt(3) == 0) {
                return random.nextBoolean() ? USERS.age : bind(ints());
            }
            return switch (random.nextInt(6)) {
                case 0 -> intExpression(depth - 1).plus(intExpression(depth - 1));
                case 1 -> intExpression(depth - 1).minus(intExpression(depth - 1));
                case 2 -> intExpression(depth - 1).times(intExpression(depth - 1));
                case 3 -> intExpression(depth - 1).dividedBy(intExpression(depth - 1));
                case 4 -> coalesce(intExpression(depth - 1), ints());
                default -> case_(USERS.age.gt(ints()), ints()).otherwise(intExpression(depth - 1));
            };
        }

        private Expression<String> textExpression() {
            return switch (random.nextInt(6)) {
                case 0 -> USERS.name;
                case 1 -> USERS.email;
                case 2 -> bind(strings());
                case 3 -> USERS.name.concat(strings());
                case 4 -> lower(USERS.email);
                default -> upper(coalesce(USERS.email, strings()));
            };
        }

        private Condition comparison() {
            Expression<Integer> a = intExpression(2);
            Expression<Integer> b = intExpression(1);
            return switch (random.nextInt(6)) {
                case 0 -> a.eq(b);
                case 1 -> a.ne(b);
                case 2 -> a.lt(b);
                case 3 -> a.le(b);
                case 4 -> a.gt(b);
                default -> a.ge(b);
            };
        }

        private Condition textComparison() {
            Expression<String> e = textExpression();
            return random.nextBoolean() ? e.eq(strings()) : e.ne(strings());
        }

        private Condition between() {
            return intExpression(1).between(ints(), ints());
        }

        private Condition inList() {
            var values = new ArrayList<Integer>();
            for (int i = random.nextInt(5); i > 0; i--) {
                values.add(ints());
            }
            Expression<Integer> e = intExpression(1);
            return random.nextBoolean() ? e.notIn(values) : e.in(values);
        }

        private Condition like() {
            Expression<String> e = textExpression();
            char escape = "!#\\?' ".charAt(random.nextInt(6));
            return switch (random.nextInt(5)) {
                case 0 -> e.like(strings());
                case 1 -> e.like(strings(), escape);
                case 2 -> e.notLike(strings());
                case 3 -> e.ilike(strings());
                default -> e.ilike(strings(), escape);
            };
        }

        private Condition nullTest() {
            return switch (random.nextInt(4)) {
                case 0 -> intExpression(1).isNull();
                case 1 -> textExpression().isNotNull();
                case 2 -> intExpression(1).eq((Integer) null);
                default -> textExpression().ne((String) null);
            };
        }
    }
}
