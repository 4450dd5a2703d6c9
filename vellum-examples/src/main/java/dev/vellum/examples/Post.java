package dev.vellum.examples;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A post of a {@link User}: the other side of exercise 2's relationship. */
// tag::orm-post[]
@Entity
@Table(name = "blog_articles")
public class Post {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 200, nullable = false)
    private String title;

    @ManyToOne(optional = false)                    // a plain field loads with its owner (batched, never N+1)
    @JoinColumn(name = "author_id")
    private User author;

    protected Post() {
    }

    public Post(String title) {
        this.title = title;
    }

    public String getTitle() {
        return title;
    }

    public User getAuthor() {
        return author;
    }
}
// end::orm-post[]
