package dev.vellum.benchmarks;

/**
 * One row of {@code bench_users}, as an application would declare it for {@code (id INTEGER, name varchar(50),
 * email varchar(100), age INTEGER)}.
 *
 * @param id    the primary key
 * @param name  the user's name
 * @param email the user's e-mail address
 * @param age   the user's age
 */
public record User(int id, String name, String email, int age) {
    /** The deterministic row number {@code i} (1-based) of the benchmark data. */
    static User of(int i) {
        return new User(i, "user-" + i, "user" + i + "@example.com", 18 + i % 60);
    }
}
