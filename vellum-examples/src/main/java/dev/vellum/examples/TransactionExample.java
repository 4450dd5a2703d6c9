package dev.vellum.examples;

import java.io.PrintStream;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Vellum;
import dev.vellum.error.VellumException;

/**
 * The tutorial's transaction example (SQLAlchemy's {@code try: ... sess.commit() except: sess.rollback(); raise})
 * at connection level: a customer and their order are written together or not at all. The second order has no
 * item, which the {@code NOT NULL} constraint refuses after the customer row was already inserted; the rollback
 * removes that customer too.
 */
public final class TransactionExample {
    private TransactionExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Places one good and one bad order and prints what each left in the database. */
    public static void run(String url, PrintStream out) {
        try (var conn = Vellum.connect(url)) {
            createTables(conn);
            placeOrder(conn, "Alice", "Vellum T-shirt");
            out.println("order 1 committed");
            try {
                placeOrder(conn, "Bob", null);
            } catch (VellumException e) {
                out.println("order 2 rolled back: " + e.getClass().getSimpleName());
            }
            out.println("customers: " + conn.execute("SELECT name FROM customers ORDER BY id").all());
            out.println("orders: " + conn.execute("SELECT item FROM orders ORDER BY id").all());
            conn.commit();
        }
    }

    /** Inserts a customer and an order for them in one transaction. */
    static void placeOrder(Connection conn, String customer, String item) {
        // tag::transaction[]
        try {
            long customerId = conn.execute("INSERT INTO customers (name) VALUES (?) RETURNING id", customer)
                    .scalar(Long.class);
            conn.execute("INSERT INTO orders (customer_id, item) VALUES (?, ?)", customerId, item);
            conn.commit();
        } catch (RuntimeException e) {
            conn.rollback();                 // undoes the customer row as well
            throw e;
        }
        // end::transaction[]
    }

    private static void createTables(Connection conn) {
        conn.execute("DROP TABLE IF EXISTS orders");
        conn.execute("DROP TABLE IF EXISTS customers");
        conn.execute("CREATE TABLE customers (id " + Ddl.key(conn.backend()) + ", name VARCHAR(50) NOT NULL)");
        conn.execute("CREATE TABLE orders (id " + Ddl.key(conn.backend()) + ", customer_id BIGINT NOT NULL "
                + "REFERENCES customers (id), item VARCHAR(100) NOT NULL)");
        conn.commit();
    }
}
