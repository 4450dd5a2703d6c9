package dev.vellum.e2e.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.vellum.e2e.orm.OrmPropertyModel.Child;
import dev.vellum.e2e.orm.OrmPropertyModel.Parent;
import dev.vellum.e2e.orm.OrmPropertyModel.Tag;
import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Result;
import dev.vellum.engine.Row;
import dev.vellum.orm.Metamodel;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Session;
import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;
import dev.vellum.sql.Table;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/**
 * Random sequences of adds, changes, moves and deletes of parents, children and tags (fixed seeds), flushed every few
 * steps, sometimes committed and continued in a new session: after every flush the rows (read with Core) are what the
 * session's objects say, and the objects' two sides agree.
 */
class OrmPropertyIT {
    private static final int TRIES = 20;
    private static final int STEPS = 30;

    private static final Column<Long> PARENT_ID = Metamodel.column(Parent.class, "id", Long.class);
    private static final Column<Long> CHILD_ID = Metamodel.column(Child.class, "id", Long.class);
    private static final Column<Long> TAG_ID = Metamodel.column(Tag.class, "id", Long.class);

    private Engine engine;
    private Orm orm;

    @AfterEach
    void drop() {
        if (orm != null) {
            orm.dropAll();
        }
    }

    @DatabaseTest
    void databaseFollowsTheSession(TestDatabase db) {
        engine = db.createEngine();
        orm = Orm.create(engine, Parent.class, Child.class, Tag.class);
        for (int seed = 1; seed <= TRIES; seed++) {
            orm.dropAll();
            orm.createAll();
            new Run(new Random(seed), "seed " + seed).go();
        }
    }

    /**
     * One random sequence; the lists hold the objects the session should have rows for. Only flushed objects are
     * deleted: delete() of a pending object forgets just that object, so its pending children (cascade REMOVE) stay
     * and refer to it, and a pending child still in a collection is inserted anyway by the PERSIST cascade.
     */
    private final class Run {
        private final Random random;
        private final String name;
        private final List<Parent> parents = new ArrayList<>();
        private final List<Child> children = new ArrayList<>();
        private final List<Tag> tags = new ArrayList<>();
        private final List<String> log = new ArrayList<>();
        private Session sess;
        private int counter;

        Run(Random random, String name) {
            this.random = random;
            this.name = name;
        }

        void go() {
            sess = orm.session();
            try {
                for (int step = 0; step < STEPS; step++) {
                    step();
                    if (random.nextInt(3) == 0) {
                        flushAndCheck();
                    }
                    if (random.nextInt(8) == 0) {
                        reopen();
                    }
                }
                sess.commit();
                try (Connection conn = engine.connect()) {
                    check(conn);
                }
            } catch (RuntimeException e) {
                throw new AssertionError(name + " after " + log, e);
            } finally {
                sess.close();
            }
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        private String next(String prefix) {
            return prefix + counter++;
        }

        private Child newChild() {
            var c = new Child();
            c.label = next("c");
            c.n = random.nextInt(100);
            children.add(c);
            return c;
        }

        private void step() {
            List<Child> attached = children.stream().filter(c -> c.parent != null).toList();
            List<Child> loose = children.stream().filter(c -> c.parent == null).toList();
            switch (random.nextInt(15)) {
                case 0, 1 -> {
                    var p = new Parent();
                    p.name = next("p");
                    p.score = random.nextBoolean() ? null : random.nextInt(10);
                    for (int i = random.nextInt(3); i > 0; i--) {
                        p.children.add(newChild());
                    }
                    if (!tags.isEmpty() && random.nextBoolean()) {
                        p.tags.add(pick(tags));
                    }
                    sess.add(p);
                    parents.add(p);
                    log.add("add " + p + " with " + p.children);
                }
                case 2 -> {
                    if (!parents.isEmpty()) {
                        Parent p = pick(parents);
                        Child c = newChild();
                        p.children.add(c);
                        log.add("add " + c + " to " + p);
                    }
                }
                case 3 -> {
                    Child c = newChild();
                    sess.add(c);
                    log.add("add loose " + c);
                }
                case 4 -> {
                    if (!parents.isEmpty()) {
                        Parent p = pick(parents);
                        p.name = next("p");
                        p.score = random.nextBoolean() ? null : random.nextInt(10);
                        log.add("change " + p);
                    }
                }
                case 5 -> {
                    if (!children.isEmpty()) {
                        Child c = pick(children);
                        c.label = next("c");
                        c.n = random.nextBoolean() ? null : random.nextInt(100);
                        log.add("change " + c);
                    }
                }
                case 6 -> {
                    if (!attached.isEmpty() && parents.size() > 1) {
                        Child c = pick(attached);
                        Parent from = c.parent;
                        Parent to = pick(parents);
                        if (to != from) {
                            to.children.size(); // a lazy load autoflushes: load before the move starts
                            if (random.nextBoolean()) {
                                from.children.remove(c);
                            }
                            to.children.add(c);
                            log.add("move " + c + " from " + from + " to " + to);
                        }
                    }
                }
                case 7 -> {
                    if (!loose.isEmpty() && !parents.isEmpty()) {
                        Child c = pick(loose);
                        Parent p = pick(parents);
                        p.children.add(c);
                        log.add("adopt " + c + " into " + p);
                    }
                }
                case 8 -> {
                    if (!attached.isEmpty()) {
                        Child c = pick(attached);
                        Parent p = c.parent;
                        p.children.remove(c);
                        children.remove(c);
                        log.add("orphan " + c + " of " + p);
                    }
                }
                case 9 -> {
                    List<Child> flushed = children.stream().filter(c -> c.id != null).toList();
                    if (!flushed.isEmpty()) {
                        Child c = pick(flushed);
                        sess.delete(c);
                        children.remove(c);
                        log.add("delete " + c);
                    }
                }
                case 10 -> {
                    List<Parent> flushed = parents.stream().filter(p -> p.id != null).toList();
                    if (!flushed.isEmpty()) {
                        Parent p = pick(flushed);
                        sess.delete(p);
                        parents.remove(p);
                        children.removeIf(c -> c.parent == p);
                        log.add("delete " + p);
                    }
                }
                case 11 -> {
                    var t = new Tag();
                    t.name = next("t");
                    sess.add(t);
                    tags.add(t);
                    log.add("add " + t);
                }
                case 12 -> {
                    if (!tags.isEmpty() && !parents.isEmpty()) {
                        Parent p = pick(parents);
                        Tag t = pick(tags);
                        if (random.nextBoolean()) {
                            p.tags.add(t);
                        } else if (!t.parents.contains(p)) {
                            t.parents.add(p);
                        }
                        log.add("tag " + p + " with " + t);
                    }
                }
                case 13 -> {
                    if (!parents.isEmpty()) {
                        Parent p = pick(parents);
                        if (!p.tags.isEmpty()) {
                            Tag t = p.tags.iterator().next();
                            if (random.nextBoolean()) {
                                p.tags.remove(t);
                            } else {
                                t.parents.remove(p);
                            }
                            log.add("untag " + p + " from " + t);
                        }
                    }
                }
                default -> {
                    List<Tag> flushed = tags.stream().filter(t -> t.id != null).toList();
                    if (!flushed.isEmpty()) {
                        Tag t = pick(flushed);
                        sess.delete(t);
                        tags.remove(t);
                        log.add("delete " + t);
                    }
                }
            }
        }

        private void flushAndCheck() {
            sess.flush();
            log.add("flush");
            check(sess.connection());
        }

        /** Commits, and goes on in a new session with the objects it loads. */
        private void reopen() {
            sess.commit();
            sess.close();
            log.add("commit, new session");
            sess = orm.session();
            parents.clear();
            parents.addAll(sess.select(Parent.class).orderBy(PARENT_ID).all());
            children.clear();
            children.addAll(sess.select(Child.class).orderBy(CHILD_ID).all());
            tags.clear();
            tags.addAll(sess.select(Tag.class).orderBy(TAG_ID).all());
        }

        private void check(Connection conn) {
            String why = name + " after " + log;
            var expectedParents = new HashMap<Long, List<Object>>();
            var expectedLinks = new HashSet<List<Long>>();
            for (Parent p : parents) {
                expectedParents.put(p.id, java.util.Arrays.asList(p.name, p.score));
                for (Tag t : p.tags) {
                    assertThat(tags).as(why).contains(t);
                    assertThat(t.parents).as(why + ": " + t + " lists " + p).containsOnlyOnce(p);
                    expectedLinks.add(List.of(p.id, t.id));
                }
                for (Child c : p.children) {
                    assertThat(c.parent).as(why + ": the parent of " + c).isSameAs(p);
                    assertThat(children).as(why).contains(c);
                }
            }
            var expectedChildren = new HashMap<Long, List<Object>>();
            for (Child c : children) {
                expectedChildren.put(c.id, java.util.Arrays.asList(c.label, c.n, c.parent == null ? null
                        : c.parent.id));
                if (c.parent != null) {
                    assertThat(parents).as(why).contains(c.parent);
                    assertThat(c.parent.children).as(why).containsOnlyOnce(c);
                }
            }
            for (Tag t : tags) {
                for (Parent p : t.parents) {
                    assertThat(p.tags).as(why + ": " + p + " lists " + t).contains(t);
                }
            }
            Table parentTable = orm.table(Parent.class);
            Table childTable = orm.table(Child.class);
            assertThat(read(conn, parentTable, "id", "name", "score")).as(why).isEqualTo(expectedParents);
            assertThat(read(conn, childTable, "id", "label", "n", "parent_id")).as(why).isEqualTo(expectedChildren);
            var links = new HashSet<List<Long>>();
            Table linkTable = orm.tables().stream().filter(t -> t.name().equals("prop_parent_tag")).findFirst()
                    .orElseThrow();
            try (Result rows = conn.execute(Sql.select(linkTable))) {
                for (Row row : rows) {
                    links.add(List.of(((Number) row.get(linkTable.column("parent_id"))).longValue(),
                            ((Number) row.get(linkTable.column("tags_id"))).longValue()));
                }
            }
            assertThat(links).as(why).isEqualTo(expectedLinks);
        }

        /** The rows of {@code table}: id to the other columns, read with a Core select. */
        private Map<Long, List<Object>> read(Connection conn, Table table, String id, String... columns) {
            var out = new HashMap<Long, List<Object>>();
            try (Result rows = conn.execute(Sql.select(table))) {
                for (Row row : rows) {
                    var values = new ArrayList<Object>();
                    for (String c : columns) {
                        Object v = row.get(table.column(c));
                        if (v instanceof Number n) {
                            v = c.endsWith("id") ? (Object) n.longValue() : (Object) n.intValue();
                        }
                        values.add(v);
                    }
                    out.put(((Number) row.get(table.column(id))).longValue(), values);
                }
            }
            return out;
        }
    }
}
