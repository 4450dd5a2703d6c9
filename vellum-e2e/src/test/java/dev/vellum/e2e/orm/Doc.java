package dev.vellum.e2e.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A versioned document, for {@link SessionLifecycleIT} and {@link OptimisticLockIT}. */
@Entity
@Table(name = "life_doc")
class Doc {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String title;
    String body;
    @Version
    Long version;

    Doc() {
    }

    Doc(String title, String body) {
        this.title = title;
        this.body = body;
    }

    @Override
    public String toString() {
        return "Doc[" + id + ", " + title + "]";
    }
}
