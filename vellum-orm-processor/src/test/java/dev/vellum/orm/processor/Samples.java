package dev.vellum.orm.processor;

import java.util.Map;

/** The sample entity sources the tests compile. */
final class Samples {
    private Samples() {
    }

    /** A small valid domain the runtime maps: users (and admins) with posts, an embedded address, odd types. */
    static Map<String, String> domain() {
        return Map.ofEntries(
                Map.entry("com/example/Audited.java", """
                        package com.example;

                        import java.time.LocalDateTime;

                        import jakarta.persistence.MappedSuperclass;

                        @MappedSuperclass
                        public abstract class Audited {
                            protected LocalDateTime createdAt;
                        }
                        """),
                Map.entry("com/example/Status.java", """
                        package com.example;

                        public enum Status { ACTIVE, SUSPENDED }
                        """),
                Map.entry("com/example/Geo.java", """
                        package com.example;

                        import jakarta.persistence.Embeddable;

                        @Embeddable
                        public class Geo {
                            double lat;
                            double lon;

                            protected Geo() {
                            }
                        }
                        """),
                Map.entry("com/example/Address.java", """
                        package com.example;

                        import jakarta.persistence.Embeddable;
                        import jakarta.persistence.Embedded;

                        @Embeddable
                        public class Address {
                            String city;
                            String street;
                            @Embedded Geo geo;

                            protected Address() {
                            }
                        }
                        """),
                Map.entry("com/example/User.java", """
                        package com.example;

                        import java.math.BigDecimal;
                        import java.time.LocalDate;
                        import java.util.ArrayList;
                        import java.util.List;
                        import java.util.UUID;

                        import jakarta.persistence.Entity;
                        import jakarta.persistence.EnumType;
                        import jakarta.persistence.Enumerated;
                        import jakarta.persistence.GeneratedValue;
                        import jakarta.persistence.Id;
                        import jakarta.persistence.Inheritance;
                        import jakarta.persistence.InheritanceType;
                        import jakarta.persistence.OneToMany;
                        import jakarta.persistence.Transient;
                        import jakarta.persistence.Version;

                        @Entity
                        @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                        public class User extends Audited {
                            static int instances;
                            @Id @GeneratedValue Long id;
                            String name;
                            int age;
                            boolean active;
                            byte[] avatar;
                            @Enumerated(EnumType.STRING) Status status;
                            UUID token;
                            LocalDate born;
                            BigDecimal balance;
                            Address address;
                            @Version long version;
                            @OneToMany(mappedBy = "author") List<Post> posts = new ArrayList<>();
                            transient String scratch;
                            @Transient String display;

                            protected User() {
                            }
                        }
                        """),
                Map.entry("com/example/admin/Admin.java", """
                        package com.example.admin;

                        import com.example.User;
                        import jakarta.persistence.Entity;

                        @Entity
                        public class Admin extends User {
                            short level;

                            protected Admin() {
                            }
                        }
                        """),
                Map.entry("com/example/LineId.java", """
                        package com.example;

                        import jakarta.persistence.Embeddable;

                        @Embeddable
                        public class LineId {
                            Long orderId;
                            int lineNo;

                            protected LineId() {
                            }
                        }
                        """),
                Map.entry("com/example/Line.java", """
                        package com.example;

                        import jakarta.persistence.EmbeddedId;
                        import jakarta.persistence.Entity;

                        @Entity
                        public class Line {
                            @EmbeddedId LineId pk;
                            int quantity;

                            protected Line() {
                            }
                        }
                        """),
                Map.entry("com/example/Post.java", """
                        package com.example;

                        import dev.vellum.orm.Ref;
                        import jakarta.persistence.Entity;
                        import jakarta.persistence.GeneratedValue;
                        import jakarta.persistence.Id;
                        import jakarta.persistence.ManyToOne;
                        import jakarta.persistence.OneToOne;

                        @Entity
                        public class Post {
                            @Id @GeneratedValue Long id;
                            String title;
                            @ManyToOne Ref<User> author;
                            @OneToOne(targetEntity = Post.Draft.class) Object draft;

                            protected Post() {
                            }

                            @Entity
                            public static class Draft {
                                @Id Long id;
                                String text;

                                protected Draft() {
                                }
                            }
                        }
                        """));
    }

    /** Names a generated metamodel must qualify: a class named Column in the package, a field named Metamodel. */
    static Map<String, String> clashes() {
        return Map.ofEntries(
                Map.entry("org/demo/Column.java", """
                        package org.demo;

                        public enum Column { LEFT, RIGHT }
                        """),
                Map.entry("org/demo/TagsConverter.java", """
                        package org.demo;

                        import java.util.List;

                        import jakarta.persistence.AttributeConverter;

                        public class TagsConverter implements AttributeConverter<List<String>, String> {
                            @Override
                            public String convertToDatabaseColumn(List<String> tags) {
                                return String.join(",", tags);
                            }

                            @Override
                            public List<String> convertToEntityAttribute(String text) {
                                return List.of(text.split(","));
                            }
                        }
                        """),
                Map.entry("org/demo/Gadget.java", """
                        package org.demo;

                        import java.util.List;

                        import jakarta.persistence.Convert;
                        import jakarta.persistence.Entity;
                        import jakarta.persistence.EnumType;
                        import jakarta.persistence.Enumerated;
                        import jakarta.persistence.Id;

                        @Entity
                        public class Gadget {
                            @Id Integer id;
                            @Enumerated(EnumType.STRING) Column side;
                            String Metamodel;
                            @Convert(converter = TagsConverter.class) List<String> tags;
                            Secret secret;

                            protected Gadget() {
                            }

                            private enum Secret { A, B }
                        }
                        """));
    }

    /**
     * Mappings the runtime can never take: to-many on a String, to-one on a List, a raw List; an attribute named
     * TABLE; an embeddable containing itself.
     */
    static Map<String, String> broken() {
        return Map.of("com/bad/Board.java", """
                package com.bad;

                import jakarta.persistence.Embeddable;
                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Board {
                    @Id Long id;
                    String TABLE;
                    Cell cell;

                    protected Board() {
                    }

                    @Embeddable
                    public static class Cell {
                        String value;
                        Cell next;

                        protected Cell() {
                        }
                    }
                }
                """, "com/bad/Shop.java", """
                package com.bad;

                import java.util.List;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                import jakarta.persistence.ManyToOne;
                import jakarta.persistence.OneToMany;

                @Entity
                public class Shop {
                    @Id Long id;
                    String name;
                    @OneToMany String orders;
                    @ManyToOne List<Shop> owner;
                    @SuppressWarnings("rawtypes") @OneToMany List branches;

                    protected Shop() {
                    }
                }
                """);
    }

    /** A generic mapped superclass whose type variable the entity binds. */
    static Map<String, String> generic() {
        return Map.of(
                "com/gen/Keyed.java", """
                        package com.gen;

                        import java.util.List;

                        import jakarta.persistence.Id;
                        import jakarta.persistence.MappedSuperclass;
                        import jakarta.persistence.Transient;

                        @MappedSuperclass
                        public abstract class Keyed<K, E> {
                            @Id protected K id;
                            @Transient protected List<E> cache;
                        }
                        """,
                "com/gen/Tag.java", """
                        package com.gen;

                        import jakarta.persistence.Entity;

                        @Entity
                        public class Tag extends Keyed<String, Tag> {
                            String label;

                            protected Tag() {
                            }
                        }
                        """);
    }
}
