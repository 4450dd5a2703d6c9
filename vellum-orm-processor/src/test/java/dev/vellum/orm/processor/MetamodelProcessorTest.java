package dev.vellum.orm.processor;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;

import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;

import dev.vellum.orm.Metamodel;
import dev.vellum.orm.Relationship;
import dev.vellum.sql.Column;
import dev.vellum.sql.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MetamodelProcessorTest {
    @TempDir
    static Path dir;
    private static Compilation domain;

    @BeforeAll
    static void compileDomain() throws Exception {
        domain = Compilation.of(dir.resolve("domain"), Samples.domain());
        assertThat(domain.success()).as(domain.report()).isTrue();
    }

    @AfterAll
    static void close() throws Exception {
        domain.close();
    }

    @Test
    void writesTheMetamodelSourceNextToTheEntity() {
        String user = domain.generated("com.example.User_");
        assertThat(user)
                .startsWith("package com.example;\n")
                .contains("import javax.annotation.processing.Generated;\n")
                .contains("import dev.vellum.orm.Metamodel;\n")
                .contains("@Generated(\"dev.vellum.orm.processor.MetamodelProcessor\")\npublic class User_ {\n")
                .contains("    public static final Table TABLE = Metamodel.table(User.class);\n")
                .contains("    public static final Column<String> name = Metamodel.column(User.class, \"name\", "
                        + "String.class);\n")
                .contains("    public static final Relationship<User, Post> posts = Metamodel.relationship(User.class, "
                        + "\"posts\", Post.class);\n")
                .contains("    protected User_() {\n");
        assertThat(domain.messages(Diagnostic.Kind.WARNING)).isEmpty();
    }

    @Test
    void basicColumnsAreTheRuntimesColumns() throws Exception {
        Class<?> user = domain.load("com.example.User");
        Class<?> meta = domain.load("com.example.User_");
        Table table = Metamodel.table(user);
        assertThat(meta.getField("TABLE").get(null)).isSameAs(table);
        Column<?> name = column(meta, "name");
        assertThat(name.name()).isEqualTo("name");
        assertThat(name.table()).isSameAs(table);
        assertThat(name.type().javaType()).isEqualTo(String.class);
        assertThat(typeArguments(meta.getField("name"))).containsExactly(String.class);
        Column<?> id = column(meta, "id");
        assertThat(id.isPrimaryKey()).isTrue();
        // inherited from the @MappedSuperclass, stored snake_case
        assertThat(column(meta, "createdAt").name()).isEqualTo("created_at");
        assertThat(typeArguments(meta.getField("createdAt"))).containsExactly(LocalDateTime.class);
        assertThat(typeArguments(meta.getField("token"))).containsExactly(UUID.class);
        assertThat(typeArguments(meta.getField("born"))).containsExactly(LocalDate.class);
        assertThat(typeArguments(meta.getField("status"))).containsExactly(domain.load("com.example.Status"));
        assertThat(column(meta, "status").type().javaType()).isEqualTo(domain.load("com.example.Status"));
    }

    @Test
    void primitivesAreBoxedAndArraysKept() throws Exception {
        Class<?> meta = domain.load("com.example.User_");
        assertThat(typeArguments(meta.getField("age"))).containsExactly(Integer.class);
        assertThat(typeArguments(meta.getField("active"))).containsExactly(Boolean.class);
        assertThat(typeArguments(meta.getField("version"))).containsExactly(Long.class);
        assertThat(column(meta, "age").type().javaType()).isEqualTo(Integer.class);
        assertThat(typeArguments(meta.getField("avatar"))).containsExactly(byte[].class);
        assertThat(domain.generated("com.example.User_"))
                .contains("Column<Integer> age = Metamodel.column(User.class, \"age\", Integer.class);")
                .contains("Column<byte[]> avatar = Metamodel.column(User.class, \"avatar\", byte[].class);");
    }

    @Test
    void leavesOutStaticTransientAndEmbeddedHolderFields() throws Exception {
        Class<?> meta = domain.load("com.example.User_");
        List<String> fields = Arrays.stream(meta.getDeclaredFields()).map(Field::getName).toList();
        assertThat(fields).doesNotContain("instances", "scratch", "display", "address")
                .contains("TABLE", "id", "createdAt", "name", "posts");
        // ancestors' fields first, as the runtime orders its columns
        assertThat(fields.indexOf("createdAt")).isLessThan(fields.indexOf("id"));
    }

    @Test
    void embeddedValuesBecomeNestedClassesWithDottedPaths() throws Exception {
        Class<?> address = domain.load("com.example.User_$address");
        assertThat(Modifier.isStatic(address.getModifiers())).isTrue();
        Column<?> city = column(address, "city");
        assertThat(city.name()).isEqualTo("city");
        assertThat(city.table()).isSameAs(Metamodel.table(domain.load("com.example.User")));
        Class<?> geo = domain.load("com.example.User_$address$geo");
        assertThat(column(geo, "lat").name()).isEqualTo("lat");
        assertThat(typeArguments(geo.getField("lat"))).containsExactly(Double.class);
        assertThat(domain.generated("com.example.User_"))
                .contains("    public static final class address {\n")
                .contains("Metamodel.column(User.class, \"address.city\", String.class);")
                .contains("        public static final class geo {\n")
                .contains("Metamodel.column(User.class, \"address.geo.lat\", Double.class);");
    }

    @Test
    void embeddedIdIsANestedClassToo() throws Exception {
        Class<?> meta = domain.load("com.example.Line_");
        assertThat(Arrays.stream(meta.getDeclaredFields()).map(Field::getName)).containsExactly("TABLE", "quantity");
        Class<?> pk = domain.load("com.example.Line_$pk");
        Column<?> orderId = column(pk, "orderId");
        assertThat(orderId.name()).isEqualTo("order_id");
        assertThat(orderId.table()).isSameAs(Metamodel.table(domain.load("com.example.Line")));
        assertThat(column(pk, "lineNo").type().javaType()).isEqualTo(Integer.class);
        assertThat(domain.generated("com.example.Line_"))
                .contains("Column<Long> orderId = Metamodel.column(Line.class, \"pk.orderId\", Long.class);");
    }

    @Test
    void subclassMetamodelExtendsTheParents() throws Exception {
        Class<?> userMeta = domain.load("com.example.User_");
        Class<?> adminMeta = domain.load("com.example.admin.Admin_");
        assertThat(adminMeta.getSuperclass()).isSameAs(userMeta);
        assertThat(Modifier.isPublic(userMeta.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(userMeta.getModifiers())).isFalse();
        assertThat(Modifier.isProtected(userMeta.getDeclaredConstructor().getModifiers())).isTrue();
        List<String> own = Arrays.stream(adminMeta.getDeclaredFields()).map(Field::getName).toList();
        assertThat(own).containsExactly("TABLE", "level");
        Column<?> level = column(adminMeta, "level");
        assertThat(level.name()).isEqualTo("level");
        assertThat(level.type().javaType()).isEqualTo(Short.class);
        // single-table inheritance: the subclass's column lives in the root's table
        assertThat(level.table()).isSameAs(Metamodel.table(domain.load("com.example.User")));
        assertThat(adminMeta.getField("name").getDeclaringClass()).isSameAs(userMeta);
        assertThat(domain.generated("com.example.admin.Admin_"))
                .contains("import com.example.User_;")
                .contains("public class Admin_ extends User_ {");
    }

    @Test
    void relationshipsNameOwnerAndTarget() throws Exception {
        Class<?> user = domain.load("com.example.User");
        Class<?> post = domain.load("com.example.Post");
        Class<?> postMeta = domain.load("com.example.Post_");
        // Ref<User> leads to User
        Relationship<?, ?> author = (Relationship<?, ?>) postMeta.getField("author").get(null);
        assertThat(author.owner()).isSameAs(post);
        assertThat(author.target()).isSameAs(user);
        assertThat(author.name()).isEqualTo("author");
        assertThat(typeArguments(postMeta.getField("author"))).containsExactly(post, user);
        Relationship<?, ?> posts = (Relationship<?, ?>) domain.load("com.example.User_").getField("posts").get(null);
        assertThat(posts.owner()).isSameAs(user);
        assertThat(posts.target()).isSameAs(post);
        // targetEntity wins over the field type
        Relationship<?, ?> draft = (Relationship<?, ?>) postMeta.getField("draft").get(null);
        assertThat(draft.target()).isSameAs(domain.load("com.example.Post$Draft"));
        assertThat(domain.generated("com.example.Post_"))
                .contains("Relationship<Post, User> author = Metamodel.relationship(Post.class, \"author\", "
                        + "User.class);")
                .contains("Relationship<Post, Post.Draft> draft = ");
    }

    @Test
    void nestedEntityGetsATopLevelMetamodel() throws Exception {
        assertThat(domain.generated("com.example.Draft_"))
                .contains("public class Draft_ {")
                .contains("Metamodel.table(Post.Draft.class);")
                .contains("Column<String> text = Metamodel.column(Post.Draft.class, \"text\", String.class);");
        Column<?> text = column(domain.load("com.example.Draft_"), "text");
        assertThat(text.table()).isSameAs(Metamodel.table(domain.load("com.example.Post$Draft")));
    }

    @Test
    void clashingNamesAreQualifiedAndGenericTypesCast() throws Exception {
        try (Compilation c = Compilation.of(dir.resolve("clashes"), Samples.clashes())) {
            assertThat(c.success()).as(c.report()).isTrue();
            String source = c.generated("org.demo.Gadget_");
            assertThat(source)
                    .contains("public static final dev.vellum.sql.Column<org.demo.Column> side = "
                            + "dev.vellum.orm.Metamodel.column(Gadget.class, \"side\", org.demo.Column.class);")
                    .contains("    @SuppressWarnings(\"unchecked\")\n    public static final dev.vellum.sql.Column"
                            + "<List<String>> tags = dev.vellum.orm.Metamodel.column(Gadget.class, \"tags\", "
                            + "(Class<List<String>>) (Class<?>) List.class);")
                    .doesNotContain("import dev.vellum.sql.Column;")
                    .doesNotContain("secret");
            Class<?> meta = c.load("org.demo.Gadget_");
            assertThat(column(meta, "side").type().javaType()).isSameAs(c.load("org.demo.Column"));
            assertThat(column(meta, "Metamodel").name()).isEqualTo("metamodel");
            assertThat(column(meta, "tags").type().javaType()).isSameAs(List.class);
            Type tags = typeArguments(meta.getField("tags"))[0];
            assertThat(tags).isInstanceOf(ParameterizedType.class);
            assertThat(((ParameterizedType) tags).getActualTypeArguments()).containsExactly(String.class);
            // the private enum cannot be named from the metamodel: left out, with a note naming the field
            assertThat(c.messages(Diagnostic.Kind.NOTE)).anyMatch(m -> m.contains("Gadget.secret"));
        }
    }

    @Test
    void toManyOnAFieldThatIsNoCollectionIsACompileError() throws Exception {
        try (Compilation c = Compilation.of(dir.resolve("broken"), Samples.broken())) {
            assertThat(c.success()).isFalse();
            List<String> errors = c.messages(Diagnostic.Kind.ERROR);
            assertThat(errors).anyMatch(m -> m.contains("Shop.orders") && m.contains("@OneToMany")
                    && m.contains("List, Set or Collection"));
            assertThat(errors).anyMatch(m -> m.contains("Shop.owner") && m.contains("@ManyToOne"));
            assertThat(errors).anyMatch(m -> m.contains("Shop.branches") && m.contains("target entity"));
            assertThat(errors).anyMatch(m -> m.contains("Board.TABLE") && m.contains("clashes"));
            assertThat(errors).anyMatch(m -> m.contains("Board.cell.next") && m.contains("Cell contains itself"));
            assertThat(errors).hasSize(5);
            // reported on the fields themselves
            assertThat(c.diagnostics(Diagnostic.Kind.ERROR).stream()
                    .filter(d -> d.getSource().getName().endsWith("Shop.java"))
                    .map(Diagnostic::getLineNumber)).containsExactlyInAnyOrder(14L, 15L, 16L);
            // the rest of the metamodel is still written
            assertThat(c.generated("com.bad.Shop_")).contains("Column<String> name = ")
                    .doesNotContain("orders").doesNotContain("owner").doesNotContain("branches");
        }
    }

    @Test
    void typeVariablesOfAMappedSuperclassResolveToTheEntitysArguments() throws Exception {
        try (Compilation c = Compilation.of(dir.resolve("generic"), Samples.generic())) {
            assertThat(c.success()).as(c.report()).isTrue();
            assertThat(c.generated("com.gen.Tag_"))
                    .contains("public static final Column<String> id = Metamodel.column(Tag.class, \"id\", "
                            + "String.class);")
                    .doesNotContain("cache");
        }
    }

    @Test
    void supportsEntityOnlyAndTheLatestSourceVersion() {
        var processor = new MetamodelProcessor();
        assertThat(processor.getSupportedAnnotationTypes()).containsExactly("jakarta.persistence.Entity");
        assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    }

    @Test
    void isRegisteredAsAService() {
        var loader = ServiceLoader.load(Processor.class, MetamodelProcessorTest.class.getClassLoader());
        assertThat(loader.stream().map(ServiceLoader.Provider::type)).contains(MetamodelProcessor.class);
    }

    private static Column<?> column(Class<?> holder, String name) throws ReflectiveOperationException {
        Object value = holder.getField(name).get(null);
        assertThat(value).as(holder.getSimpleName() + "." + name).isInstanceOf(Column.class);
        return (Column<?>) value;
    }

    private static Type[] typeArguments(Field field) {
        assertThat(field.getGenericType()).isInstanceOf(ParameterizedType.class);
        return ((ParameterizedType) field.getGenericType()).getActualTypeArguments();
    }
}
