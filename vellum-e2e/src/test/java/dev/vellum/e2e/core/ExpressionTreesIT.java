package dev.vellum.e2e.core;

import static dev.vellum.sql.Sql.and;
import static dev.vellum.sql.Sql.case_;
import static dev.vellum.sql.Sql.coalesce;
import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.not;
import static dev.vellum.sql.Sql.or;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.INTEGER;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import dev.vellum.engine.Engine;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Expression;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;

/**
 * Random condition trees, within the semantics all three databases share (small integers, no division, lower-case
 * ASCII text, SQL's three-valued logic with NULLs), select the same rows on every database as an evaluator in Java
 * says they should. 100 trees per database from a fixed seed, named in any failure so that it replays.
 */
class ExpressionTreesIT {
    private static final MetaData METADATA = new MetaData();
    private static final Facts FACTS = new Facts();
    private static final int TRIES = 100;
    private static final long SEED = 0x7ee5L;

    /** t_facts: two nullable integers and a nullable text per row. */
    static final class Facts extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<Integer> a = column("a", INTEGER);
        final Column<Integer> b = column("b", INTEGER);
        final Column<String> s = column("s", varchar(10));

        Facts() {
            super(METADATA, "t_facts");
        }
    }

    /** One row as Java sees it. */
    private record Fact(long id, Integer a, Integer b, String s) {
    }

    /** An integer expression and its value on a row (null for SQL NULL). */
    private record Int(Expression<Integer> sql, Function<Fact, Integer> eval) {
    }

    /** A condition and its three-valued truth on a row (null for UNKNOWN). */
    private record Cond(Condition sql, Function<Fact, Boolean> eval) {
    }

    @DatabaseTest
    void randomConditionsSelectTheRowsJavaExpects(TestDatabase db) {
        Engine engine = db.createEngine();
        engine.dropAll(METADATA);
        engine.createAll(METADATA);
        try {
            List<Fact> facts = facts();
            engine.useTransaction(conn -> {
                var rows = new ArrayList<Map<Column<?>, ?>>();
                for (Fact f : facts) {
                    var row = new HashMap<Column<?>, Object>();
                    row.put(FACTS.id, f.id());
                    row.put(FACTS.a, f.a());
                    row.put(FACTS.b, f.b());
                    row.put(FACTS.s, f.s());
                    rows.add(row);
                }
                conn.execute(insert(FACTS), rows);
            });
            var random = new Random(SEED);
            for (int i = 0; i < TRIES; i++) {
                Cond cond = condition(random, 3);
                List<Long> expected = facts.stream().filter(f -> Boolean.TRUE.equals(cond.eval().apply(f)))
                        .map(Fact::id).toList();
                List<Long> actual = engine.inTransaction(conn -> conn.execute(select(FACTS.id)
                        .where(cond.sql()).orderBy(FACTS.id)).all().stream().map(r -> r.get(FACTS.id)).toList());
                assertThat(actual).as("try %d (seed %d): %s", i, SEED, engine.dialect().compile(select(FACTS.id)
                        .where(cond.sql()))).isEqualTo(expected);
            }
        } finally {
            engine.dropAll(METADATA);
        }
    }

    private static List<Fact> facts() {
        var random = new Random(SEED + 1);
        var facts = new ArrayList<Fact>();
        String[] words = {"ant", "bee", "cat", "cow", "dog", null};
        for (long id = 1; id <= 24; id++) {
            Integer a = random.nextInt(5) == 0 ? null : random.nextInt(-5, 6);
            Integer b = random.nextInt(5) == 0 ? null : random.nextInt(-5, 6);
            facts.add(new Fact(id, a, b, words[random.nextInt(words.length)]));
        }
        return facts;
    }

    private static Int integer(Random random, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return switch (random.nextInt(3)) {
                case 0 -> new Int(FACTS.a, Fact::a);
                case 1 -> new Int(FACTS.b, Fact::b);
                default -> {
                    int v = random.nextInt(-5, 6);
                    yield new Int(dev.vellum.sql.Sql.bind(v), f -> v);
                }
            };
        }
        Int x = integer(random, depth - 1);
        Int y = integer(random, depth - 1);
        return switch (random.nextInt(5)) {
            case 0 -> new Int(x.sql().plus(y.sql()), f -> both(x, y, f, Integer::sum));
            case 1 -> new Int(x.sql().minus(y.sql()), f -> both(x, y, f, (p, q) -> p - q));
            case 2 -> new Int(x.sql().times(y.sql()), f -> both(x, y, f, (p, q) -> p * q));
            case 3 -> new Int(coalesce(x.sql(), y.sql()), f -> x.eval().apply(f) != null ? x.eval().apply(f)
                    : y.eval().apply(f));
            default -> {
                Cond c = condition(random, depth - 1);
                yield new Int(case_(c.sql(), x.sql()).otherwise(y.sql()),
                        f -> Boolean.TRUE.equals(c.eval().apply(f)) ? x.eval().apply(f) : y.eval().apply(f));
            }
        };
    }

    private static Integer both(Int x, Int y, Fact f, java.util.function.BinaryOperator<Integer> op) {
        Integer p = x.eval().apply(f);
        Integer q = y.eval().apply(f);
        return p == null || q == null ? null : op.apply(p, q);
    }

    private static Cond condition(Random random, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return leaf(random);
        }
        Cond x = condition(random, depth - 1);
        Cond y = condition(random, depth - 1);
        return switch (random.nextInt(3)) {
            case 0 -> new Cond(and(x.sql(), y.sql()), f -> and3(x.eval().apply(f), y.eval().apply(f)));
            case 1 -> new Cond(or(x.sql(), y.sql()), f -> or3(x.eval().apply(f), y.eval().apply(f)));
            default -> new Cond(not(x.sql()), f -> {
                Boolean v = x.eval().apply(f);
                return v == null ? null : !v;
            });
        };
    }

    private static Cond leaf(Random random) {
        Int x = integer(random, 2);
        Int y = integer(random, 1);
        return switch (random.nextInt(9)) {
            case 0 -> new Cond(x.sql().eq(y.sql()), f -> compare(x, y, f, c -> c == 0));
            case 1 -> new Cond(x.sql().ne(y.sql()), f -> compare(x, y, f, c -> c != 0));
            case 2 -> new Cond(x.sql().lt(y.sql()), f -> compare(x, y, f, c -> c < 0));
            case 3 -> new Cond(x.sql().ge(y.sql()), f -> compare(x, y, f, c -> c >= 0));
            case 4 -> new Cond(x.sql().isNull(), f -> x.eval().apply(f) == null);
            case 5 -> {
                int lo = random.nextInt(-5, 3);
                int hi = lo + random.nextInt(5);
                yield new Cond(x.sql().between(lo, hi), f -> {
                    Integer v = x.eval().apply(f);
                    return v == null ? null : v >= lo && v <= hi;
                });
            }
            case 6 -> {
                List<Integer> values = List.of(random.nextInt(-5, 6), random.nextInt(-5, 6));
                boolean negated = random.nextBoolean();
                yield new Cond(negated ? x.sql().notIn(values) : x.sql().in(values), f -> {
                    Integer v = x.eval().apply(f);
                    return v == null ? null : values.contains(v) != negated;
                });
            }
            case 7 -> {
                String word = List.of("ant", "cat", "dog", "emu").get(random.nextInt(4));
                yield new Cond(FACTS.s.eq(word), f -> f.s() == null ? null : f.s().equals(word));
            }
            default -> {
                String prefix = List.of("c", "d", "a", "x").get(random.nextInt(4));
                yield new Cond(FACTS.s.like(prefix + "%"), f -> f.s() == null ? null : f.s().startsWith(prefix));
            }
        };
    }

    private static Boolean compare(Int x, Int y, Fact f, java.util.function.IntPredicate test) {
        Integer p = x.eval().apply(f);
        Integer q = y.eval().apply(f);
        return p == null || q == null ? null : test.test(Integer.compare(p, q));
    }

    private static Boolean and3(Boolean p, Boolean q) {
        if (Boolean.FALSE.equals(p) || Boolean.FALSE.equals(q)) {
            return false;
        }
        return p == null || q == null ? null : true;
    }

    private static Boolean or3(Boolean p, Boolean q) {
        if (Boolean.TRUE.equals(p) || Boolean.TRUE.equals(q)) {
            return true;
        }
        return p == null || q == null ? null : false;
    }
}
