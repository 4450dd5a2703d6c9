package dev.vellum.e2e.orm;

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

/** The tutorial's user, with posts. */
@Entity
@Table(name = "orm_users")
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(length = 50, nullable = false)
    String name;

    @Column(length = 100, unique = true)
    String email;

    Integer age;

    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
    List<Article> posts = new ArrayList<>();

    protected Author() {
    }

    Author(String name, String email) {
        this.name = name;
        this.email = email;
    }

    List<Article> getPosts() {
        return posts;
    }

    @Override
    public String toString() {
        return "Author[" + id + ", " + name + "]";
    }
}
