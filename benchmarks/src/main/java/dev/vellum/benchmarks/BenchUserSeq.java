package dev.vellum.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * {@link BenchUser}'s columns in {@code bench_orm_users_seq}, the key taken from the sequence
 * {@code bench_orm_users_seq_id} 50 values at a time ({@code allocationSize = 50}, which lets Hibernate batch the
 * inserts): the mapping of {@code OrmFlushBenchmark.hibernateSequence}. Hibernate only.
 */
@Entity
@Table(name = BenchUserSeq.TABLE)
public class BenchUserSeq {
    static final String TABLE = "bench_orm_users_seq";
    static final String SEQUENCE = "bench_orm_users_seq_id";
    static final int ALLOCATION = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_orm_users_seq_gen")
    @SequenceGenerator(name = "bench_orm_users_seq_gen", sequenceName = SEQUENCE, allocationSize = ALLOCATION)
    @Column(name = "id")
    private Integer id;

    @Column(name = "name", length = 50)
    private String name;

    @Column(name = "email", length = 100)
    private String email;

    @Column(name = "age")
    private int age;

    /** For the ORM. */
    protected BenchUserSeq() {
    }

    private BenchUserSeq(String name, String email, int age) {
        this.name = name;
        this.email = email;
        this.age = age;
    }

    /** A new, unsaved object holding the values of row {@code i} ({@link User#of(int)}), without an id. */
    static BenchUserSeq fresh(int i) {
        User u = User.of(i);
        return new BenchUserSeq(u.name(), u.email(), u.age());
    }

    /** The key; {@code null} until saved. */
    public Integer getId() {
        return id;
    }

    /** The name. */
    public String getName() {
        return name;
    }
}
