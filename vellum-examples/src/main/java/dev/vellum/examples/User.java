package dev.vellum.examples;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** The tutorial's {@code class User(Base)}, as an entity: {@code OrmExample} stores and queries it. */
// tag::orm-user[]
@Entity
@Table(name = "blog_authors")                       // __tablename__
public class User {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;                                // mapped_column(primary_key=True)

    @Column(length = 50, nullable = false)
    private String name;                            // mapped_column(String(50))

    @Column(length = 100, unique = true)
    private String email;                           // mapped_column(String(100), unique=True)

    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Post> posts = new ArrayList<>();   // relationship(back_populates="author")

    protected User() {                              // for Vellum; it may be private
    }

    public User(String name, String email) {
        this.name = name;
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public List<Post> getPosts() {                  // loads on first use, for all users of the query at once
        return posts;
    }
}
// end::orm-user[]
