package dev.vellum.e2e.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A post by an author. */
@Entity
@Table(name = "orm_posts")
public class Article {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(length = 200, nullable = false)
    String title;

    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id")
    Author author;

    protected Article() {
    }

    Article(String title) {
        this.title = title;
    }

    Article(Author author, String title) {
        this.author = author;
        this.title = title;
    }

    @Override
    public String toString() {
        return "Article[" + id + ", " + title + "]";
    }
}
