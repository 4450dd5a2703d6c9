package dev.vellum.e2e.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.MappingException;
import dev.vellum.orm.Metamodel;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Session;
import dev.vellum.sql.Column;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.Table;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.Queries;
import dev.vellum.testkit.TestDatabase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Transient;
import org.junit.jupiter.api.AfterEach;

/** What Orm.create refuses (every problem at once) and what it maps: column options, enums, converters, values. */
class MappingIT {
    private static final Column<String> NAME = Metamodel.column(Gadget.class, "name", String.class);

    private Orm orm;

    @AfterEach
    void drop() {
        if (orm != null) {
            orm.dropAll();
        }
    }

    // --- mappings Orm.create refuses

    @jakarta.persistence.Entity
    @jakarta.persistence.Table(name = "map_no_id")
    static class NoId {
        String name;
    }

    @Entity
    @jakarta.persistence.Table(name = "map_with_map")
    static class WithMap {
        @Id
        Long id;
        Map<String, String> attributes;
    }

    /** Not an entity. */
    static class Plain {
        Long id;
    }

    @Entity
    @jakarta.persistence.Table(name = "map_to_plain")
    static class ToPlain {
        @Id
        Long id;
        @ManyToOne
        Plain plain;
    }

    @Entity
    @jakarta.persistence.Table(name = "map_bad_parent")
    static class BadMappedBy {
        @Id
        Long id;
        @OneToMany(mappedBy = "nope")
        List<Kid> kids = new ArrayList<>();
    }

    @Entity
    @jakarta.persistence.Table(name = "map_kid")
    static class Kid {
        @Id
        Long id;
        @ManyToOne
        BadMappedBy parent;
    }

    @Entity
    @jakarta.persistence.Table(name = "map_lonely")
    static class Lonely {
        @Id
        Long id;
        @ManyToOne
        Far far;
    }

    @Entity
    @jakarta.persistence.Table(name = "map_far")
    static class Far {
        @Id
        Long id;
    }

    private static MappingException refused(TestDatabase db, Class<?>... classes) {
        Engine engine = db.createEngine();
        var thrown = catchThrowableOfType(MappingException.class,
                () -> Orm.create(engine, classes));
        assertThat(thrown).as("Orm.create of %s", Arrays.toString(classes)).isNotNull();
        return thrown;
    }

    @DatabaseTest
    void eachBrokenMappingIsNamed(TestDatabase db) {
        assertThat(refused(db, NoId.class).problems()).containsExactly("NoId: no @Id or @EmbeddedId field");
        assertThat(refused(db, WithMap.class).problems()).singleElement().asString()
                .startsWith("WithMap.attributes: no column type holds java.util.Map")
                .contains("@Convert").contains("@Transient");
        assertThat(refused(db, ToPlain.class).problems()).singleElement().asString()
                .startsWith("ToPlain.plain leads to").contains(Plain.class.getName()).endsWith("not an @Entity");
        assertThat(refused(db, BadMappedBy.class, Kid.class).problems()).singleElement().asString()
                .startsWith("BadMappedBy.kids: mappedBy = \"nope\"").contains("Kid has no relationship named nope");
        assertThat(refused(db, Lonely.class).problems()).containsExactly("Lonely refers to Far, which is not among"
                + " the classes given to Orm.create; add Far.class");
    }

    @DatabaseTest
    void everyProblemIsReportedTogether(TestDatabase db) {
        MappingException e = refused(db, NoId.class, WithMap.class, ToPlain.class, BadMappedBy.class, Kid.class);
        assertThat(e.problems()).hasSize(4);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).isEqualTo("NoId: no @Id or @EmbeddedId field"))
                .anySatisfy(p -> assertThat(p).startsWith("WithMap.attributes: no column type holds"))
                .anySatisfy(p -> assertThat(p).startsWith("ToPlain.plain leads to"))
                .anySatisfy(p -> assertThat(p).startsWith("BadMappedBy.kids: mappedBy = \"nope\""));
        assertThat(e.getMessage()).startsWith("invalid mapping (4 problems)");
    }

    // --- a mapping with every kind of basic attribute

    enum Color { RED, GREEN, BLUE }

    /** Stores a list of tags as one comma-separated string. */
    static class TagsConverter implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> tags) {
            return tags == null ? null : String.join(",", tags);
        }

        @Override
        public List<String> convertToEntityAttribute(String text) {
            return text == null ? null : text.isEmpty() ? List.of() : List.of(text.split(","));
        }
    }

    @Embeddable
    static class Address {
        String street;
        String city;

        Address() {
        }

        Address(String street, String city) {
            this.street = street;
            this.city = city;
        }
    }

    @MappedSuperclass
    abstract static class Audited {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @jakarta.persistence.Column(name = "created_on")
        LocalDate createdOn;
    }

    @Entity
    @jakarta.persistence.Table(name = "map_gadget")
    static class Gadget extends Audited {
        @jakarta.persistence.Column(name = "gadget_name", length = 20, nullable = false, unique = true)
        String name;
        @Enumerated(EnumType.STRING)
        Color color;
        Color shade;
        @Convert(converter = TagsConverter.class)
        List<String> tags;
        @Transient
        String note;
        transient int cache;
        @Embedded
        Address home;
        @Embedded
        @AttributeOverride(name = "street", column = @jakarta.persistence.Column(name = "work_street"))
        @AttributeOverride(name = "city", column = @jakarta.persistence.Column(name = "work_city"))
        Address work;
        int count;
        long big;
        boolean active;
        double ratio;
        LocalDateTime seenAt;
        UUID token;
        BigDecimal price;
        byte[] data;
        Boolean flag;

        Gadget() {
        }

        Gadget(String name) {
            this.name = name;
        }
    }

    /** A UUID id generated on insert, and an int version. */
    @Entity
    @jakarta.persistence.Table(name = "map_token")
    static class Token {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        UUID id;
        String label;
        @jakarta.persistence.Version
        int version;
    }

    private Engine engine;

    private Orm gadgets(TestDatabase db) {
        engine = db.createEngine();
        orm = Orm.create(engine, Gadget.class, Token.class);
        orm.dropAll();
        orm.createAll();
        return orm;
    }

    @DatabaseTest
    void tableFollowsTheAnnotations(TestDatabase db) {
        Table table = gadgets(db).table(Gadget.class);
        assertThat(table.name()).isEqualTo("map_gadget");
        assertThat(table.columns()).extracting(Column::name).containsExactlyInAnyOrder("id", "created_on",
                "gadget_name", "color", "shade", "tags", "street", "city", "work_street", "work_city", "count", "big",
                "active", "ratio", "seen_at", "token", "price", "data", "flag");
        Column<?> name = table.column("gadget_name");
        assertThat(name.isNullable()).isFalse();
        assertThat(name.isUnique()).isTrue();
        assertThat(((SqlType.Scalar<?>) name.type()).length()).isEqualTo(20);
        assertThat(table.column("id").isPrimaryKey()).isTrue();
        assertThat(table.column("count").isNullable()).as("primitive").isFalse();
        assertThat(table.column("flag").isNullable()).isTrue();
        assertThat(table.column("price").type().javaType()).isEqualTo(BigDecimal.class);
    }

    @DatabaseTest
    void everyValueRoundTrips(TestDatabase db) {
        Orm orm = gadgets(db);
        var token = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        long id;
        try (Session sess = orm.session()) {
            var g = new Gadget("lamp");
            g.createdOn = LocalDate.of(2024, 2, 29);
            g.color = Color.BLUE;
            g.shade = Color.GREEN;
            g.tags = List.of("red", "hot");
            g.note = "not stored";
            g.cache = 42;
            g.home = new Address("1 Main St", "Springfield");
            g.work = new Address("2 Side St", "Shelbyville");
            g.count = 7;
            g.big = 1L << 40;
            g.active = true;
            g.ratio = 0.25;
            g.seenAt = LocalDateTime.of(2024, 3, 1, 13, 45, 30);
            g.token = token;
            g.price = new BigDecimal("1234.56");
            g.data = new byte[] {0, 1, -1, 127};
            g.flag = Boolean.FALSE;
            sess.add(g);
            sess.add(new Gadget("bare"));
            sess.commit();
            id = g.id;
        }
        try (Session sess = orm.session()) {
            Gadget g = sess.get(Gadget.class, id);
            assertThat(g.name).isEqualTo("lamp");
            assertThat(g.createdOn).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(g.color).isEqualTo(Color.BLUE);
            assertThat(g.shade).isEqualTo(Color.GREEN);
            assertThat(g.tags).containsExactly("red", "hot");
            assertThat(g.note).isNull();
            assertThat(g.cache).isZero();
            assertThat(g.home.street).isEqualTo("1 Main St");
            assertThat(g.home.city).isEqualTo("Springfield");
            assertThat(g.work.street).isEqualTo("2 Side St");
            assertThat(g.work.city).isEqualTo("Shelbyville");
            assertThat(g.count).isEqualTo(7);
            assertThat(g.big).isEqualTo(1L << 40);
            assertThat(g.active).isTrue();
            assertThat(g.ratio).isEqualTo(0.25);
            assertThat(g.seenAt).isEqualTo(LocalDateTime.of(2024, 3, 1, 13, 45, 30));
            assertThat(g.token).isEqualTo(token);
            assertThat(g.price).isEqualByComparingTo("1234.56");
            assertThat(g.data).containsExactly(0, 1, -1, 127);
            assertThat(g.flag).isFalse();

            Row raw = sess.connection().execute("SELECT color, shade, tags, work_city, gadget_name FROM map_gadget"
                    + " WHERE id = ?", id).one();
            assertThat(raw.get(0)).isEqualTo("BLUE");
            assertThat(((Number) raw.get(1)).intValue()).isEqualTo(Color.GREEN.ordinal());
            assertThat(raw.get(2)).isEqualTo("red,hot");
            assertThat(raw.get(3)).isEqualTo("Shelbyville");
            assertThat(raw.get(4)).isEqualTo("lamp");

            assertThat(Queries.recorded(sess::flush)).as("every value reads back equal to what was written").isEmpty();

            Gadget bare = sess.select(Gadget.class).where(NAME.eq("bare")).one();
            assertThat(bare.home).isNull();
            assertThat(bare.color).isNull();
            assertThat(bare.tags).isNull();
            assertThat(bare.flag).isNull();
            assertThat(bare.count).isZero();
            assertThat(bare.active).isFalse();
        }
    }

    @DatabaseTest
    void generatedUuidIdAndIntVersion(TestDatabase db) {
        Orm orm = gadgets(db);
        var token = new Token();
        token.label = "first";
        orm.useSession(sess -> sess.add(token));
        assertThat(token.id).isNotNull();
        assertThat(token.version).isZero();
        try (Session sess = orm.session()) {
            Token loaded = sess.get(Token.class, token.id);
            assertThat(loaded.label).isEqualTo("first");
            loaded.label = "second";
            sess.commit();
            assertThat(loaded.version).isEqualTo(1);
        }
    }

    @DatabaseTest
    void columnConstraintsAreEnforced(TestDatabase db) {
        Orm orm = gadgets(db);
        try (Session sess = orm.session()) {
            sess.add(new Gadget("twin"));
            sess.commit();
        }
        try (Session sess = orm.session()) {
            sess.add(new Gadget("twin"));
            assertThatThrownBy(sess::commit).isInstanceOf(IntegrityException.class);
        }
        try (Session sess = orm.session()) {
            sess.add(new Gadget(null));
            assertThatThrownBy(sess::flush).isInstanceOf(IntegrityException.class);
        }
        try (Session sess = orm.session()) {
            assertThat(sess.select(Gadget.class).all()).extracting(g -> g.name).containsExactly("twin");
        }
    }
}
