package dev.vellum.cli;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Exercise 2's post, written by one user. */
@Entity
@Table(name = "demo_posts")
class Post {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(length = 200, nullable = false)
    String title;

    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id")
    User author;

    Post() {
    }

    Post(String title) {
        this.title = title;
    }
}
