package dev.vellum.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Vellum;

/**
 * Rows as records: columns are matched to record components by name, {@code snake_case} to {@code camelCase},
 * and each value is converted to the component's type (so SQLite's text dates become {@code LocalDate}).
 */
public final class RecordsExample {
    private RecordsExample() {
    }

    // tag::record[]
    /** One row of {@code employees}. */
    public record Employee(long id, String fullName, LocalDate hiredOn, BigDecimal salary) {
    }
    // end::record[]

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Reads {@code employees} into {@link Employee} records and prints them. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            createEmployees(conn);
            // tag::records[]
            List<Employee> staff = conn.execute("SELECT id, full_name, hired_on, salary FROM employees ORDER BY id")
                    .all(Employee.class);
            Employee ada = conn.execute("SELECT * FROM employees WHERE full_name = ?", "Ada Lovelace")
                    .one(Employee.class);
            Employee newest = conn.execute("SELECT * FROM employees ORDER BY hired_on DESC").first(Employee.class);
            // end::records[]
            for (Employee e : staff) {                      // SQLite has no DECIMAL type: 4800.00 reads as 4800
                out.println(e.id() + " " + e.fullName() + " " + e.hiredOn() + " " + e.salary().setScale(2));
            }
            out.println("one: " + ada.fullName() + " hired " + ada.hiredOn());
            out.println("first: " + newest.fullName());
            conn.commit();
        }
    }

    private static void createEmployees(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS employees");
        conn.execute("CREATE TABLE employees (id INTEGER PRIMARY KEY, full_name VARCHAR(100) NOT NULL, "
                + "hired_on DATE NOT NULL, salary DECIMAL(10, 2) NOT NULL)");
        conn.executeMany("INSERT INTO employees (id, full_name, hired_on, salary) VALUES (?, ?, ?, ?)", List.of(
                List.of(1, "Ada Lovelace", LocalDate.of(2021, 3, 1), new BigDecimal("5200.50")),
                List.of(2, "Alan Turing", LocalDate.of(2023, 9, 15), new BigDecimal("4800.00"))));
        conn.commit();
    }
}
