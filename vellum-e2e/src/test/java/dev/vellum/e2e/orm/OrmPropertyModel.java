package dev.vellum.e2e.orm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

/** The entities of {@link OrmPropertyIT}: parents owning children, tags on parents; tables prefixed {@code prop_}. */
final class OrmPropertyModel {
    private OrmPropertyModel() {
    }

    @Entity
    @jakarta.persistence.Table(name = "prop_parent")
    static class Parent {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        Integer score;
        @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL, orphanRemoval = true)
        List<Child> children = new ArrayList<>();
        @ManyToMany(cascade = CascadeType.PERSIST)
        @JoinTable(name = "prop_parent_tag")
        Set<Tag> tags = new LinkedHashSet<>();

        @Override
        public String toString() {
            return "Parent#" + id + " " + name;
        }
    }

    @Entity
    @jakarta.persistence.Table(name = "prop_child")
    static class Child {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String label;
        Integer n;
        @ManyToOne
        Parent parent;

        @Override
        public String toString() {
            return "Child#" + id + " " + label;
        }
    }

    @Entity
    @jakarta.persistence.Table(name = "prop_tag")
    static class Tag {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @ManyToMany(mappedBy = "tags")
        List<Parent> parents = new ArrayList<>();

        @Override
        public String toString() {
            return "Tag#" + id + " " + name;
        }
    }
}
