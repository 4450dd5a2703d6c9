package dev.vellum.e2e.orm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.vellum.orm.LoadStrategy;
import dev.vellum.orm.Loading;
import dev.vellum.orm.Ref;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** The entities of {@link LoadingIT}: a writer with a collection per loading strategy; tables {@code load_}. */
final class LoadingModel {
    static final Class<?>[] ALL = {Writer.class, Essay.class, Award.class, Draft.class};

    private LoadingModel() {
    }

    @Entity
    @Table(name = "load_writer")
    static class Writer {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @OneToMany(mappedBy = "writer", cascade = CascadeType.ALL)
        List<Essay> essays = new ArrayList<>();
        @OneToMany(mappedBy = "writer", cascade = CascadeType.ALL)
        @Loading(LoadStrategy.SELECTIN)
        Set<Award> awards = new LinkedHashSet<>();
        @OneToMany(mappedBy = "writer", cascade = CascadeType.ALL)
        @Loading(LoadStrategy.RAISE)
        List<Draft> drafts = new ArrayList<>();

        Writer() {
        }

        Writer(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return "Writer[" + name + "]";
        }
    }

    @Entity
    @Table(name = "load_essay")
    static class Essay {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String title;
        @ManyToOne
        Writer writer;

        Essay() {
        }

        Essay(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return "Essay[" + title + "]";
        }
    }

    @Entity
    @Table(name = "load_award")
    static class Award {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @ManyToOne
        Writer writer;

        Award() {
        }

        Award(String name) {
            this.name = name;
        }
    }

    /** Refers to its writer lazily. */
    @Entity
    @Table(name = "load_draft")
    static class Draft {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String text;
        @ManyToOne
        Ref<Writer> writer;

        Draft() {
        }

        Draft(String text) {
            this.text = text;
        }
    }
}
