package dev.vellum.e2e.orm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.vellum.orm.Ref;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The entities of {@link RelationshipIT}: one pair per relationship kind, tables prefixed {@code rel_}. */
final class RelationshipModel {
    static final Class<?>[] ALL = {Team.class, Player.class, Shelf.class, Book.class, Student.class, Course.class,
        Person.class, Passport.class, Blog.class, Comment.class};

    private RelationshipModel() {
    }

    /** A parent owning its children: cascade ALL with orphan removal. */
    @Entity
    @Table(name = "rel_team")
    static class Team {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @OneToMany(mappedBy = "team", cascade = CascadeType.ALL, orphanRemoval = true)
        List<Player> players = new ArrayList<>();

        Team() {
        }

        Team(String name) {
            this.name = name;
        }
    }

    @Entity
    @Table(name = "rel_player")
    static class Player {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @ManyToOne
        @JoinColumn(name = "team_id")
        Team team;

        Player() {
        }

        Player(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return "Player[" + name + "]";
        }
    }

    /** A parent that only cascades PERSIST: removed children stay, without a shelf. */
    @Entity
    @Table(name = "rel_shelf")
    static class Shelf {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String label;
        @OneToMany(mappedBy = "shelf", cascade = CascadeType.PERSIST)
        Set<Book> books = new LinkedHashSet<>();

        Shelf() {
        }

        Shelf(String label) {
            this.label = label;
        }
    }

    @Entity
    @Table(name = "rel_book")
    static class Book {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String title;
        @ManyToOne
        Shelf shelf;

        Book() {
        }

        Book(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return "Book[" + title + "]";
        }
    }

    @Entity
    @Table(name = "rel_student")
    static class Student {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @ManyToMany(cascade = CascadeType.PERSIST)
        @JoinTable(name = "rel_enrollment", joinColumns = @JoinColumn(name = "student_id"),
                inverseJoinColumns = @JoinColumn(name = "course_id"))
        Set<Course> courses = new LinkedHashSet<>();

        Student() {
        }

        Student(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return "Student[" + name + "]";
        }
    }

    @Entity
    @Table(name = "rel_course")
    static class Course {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String title;
        @ManyToMany(mappedBy = "courses")
        List<Student> students = new ArrayList<>();

        Course() {
        }

        Course(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return "Course[" + title + "]";
        }
    }

    /** The inverse side of a one-to-one. */
    @Entity
    @Table(name = "rel_person")
    static class Person {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @OneToOne(mappedBy = "holder", cascade = CascadeType.ALL)
        Passport passport;

        Person() {
        }

        Person(String name) {
            this.name = name;
        }
    }

    /** The owning side of a one-to-one: a unique foreign key. */
    @Entity
    @Table(name = "rel_passport")
    static class Passport {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String number;
        @OneToOne
        @JoinColumn(name = "holder_id", unique = true)
        Person holder;

        Passport() {
        }

        Passport(String number) {
            this.number = number;
        }
    }

    @Entity
    @Table(name = "rel_blog")
    static class Blog {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String title;

        Blog() {
        }

        Blog(String title) {
            this.title = title;
        }
    }

    /** A lazy to-one through {@link Ref}. */
    @Entity
    @Table(name = "rel_comment")
    static class Comment {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String text;
        @ManyToOne(optional = false)
        Ref<Blog> blog;

        Comment() {
        }

        Comment(Blog blog, String text) {
            this.blog = Ref.of(blog);
            this.text = text;
        }
    }
}
