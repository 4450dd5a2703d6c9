package dev.vellum.e2e.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The entities of {@link UnitOfWorkIT}, tables prefixed {@code uow_}; none cascades, so order is the flush's. */
final class UnitOfWorkModel {
    static final Class<?>[] ALL = {Employee.class, Dept.class, Member.class, Item.class};

    private UnitOfWorkModel() {
    }

    /** Self-referencing. */
    @Entity
    @Table(name = "uow_employee")
    static class Employee {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @ManyToOne
        @JoinColumn(name = "manager_id")
        Employee manager;

        Employee() {
        }

        Employee(String name, Employee manager) {
            this.name = name;
            this.manager = manager;
        }

        @Override
        public String toString() {
            return "Employee[" + name + "]";
        }
    }

    @Entity
    @Table(name = "uow_dept")
    static class Dept {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;

        Dept() {
        }

        Dept(String name) {
            this.name = name;
        }
    }

    @Entity
    @Table(name = "uow_member")
    static class Member {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @ManyToOne(optional = false)
        Dept dept;

        Member() {
        }

        Member(String name, Dept dept) {
            this.name = name;
            this.dept = dept;
        }
    }

    /** Plain columns, for dirty tracking. */
    @Entity
    @Table(name = "uow_item")
    static class Item {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        Integer qty;
        String note;

        Item() {
        }

        Item(String name, Integer qty) {
            this.name = name;
            this.qty = qty;
        }
    }

    /** One side of a cycle across two tables: its key to the contact may be NULL. */
    @Entity
    @Table(name = "uow_account")
    static class Account {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @ManyToOne
        @JoinColumn(name = "primary_contact_id")
        Contact primaryContact;

        Account() {
        }

        Account(String name) {
            this.name = name;
        }
    }

    /** The other side of the cycle: NOT NULL. */
    @Entity
    @Table(name = "uow_contact")
    static class Contact {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @ManyToOne(optional = false)
        Account account;

        Contact() {
        }

        Contact(String name, Account account) {
            this.name = name;
            this.account = account;
        }
    }
}
