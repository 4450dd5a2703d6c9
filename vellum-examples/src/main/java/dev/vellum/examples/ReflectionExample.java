package dev.vellum.examples;

import java.io.PrintStream;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Inspector;
import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedForeignKey;
import dev.vellum.engine.Vellum;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;

import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.select;

/**
 * SQLAlchemy's {@code inspect(engine)} and {@code MetaData().reflect(engine)}: reading tables the program did not
 * define (here created with plain SQL) through an {@link Inspector}, and turning them into {@link Table}s that
 * statements can use.
 */
public final class ReflectionExample {
    private ReflectionExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Creates two tables with SQL, reflects them and prints what was found. */
    public static void run(String url, PrintStream out) {
        try (Engine engine = Vellum.createEngine(url)) {
            createShop(engine);
            // tag::reflect[]
            Inspector inspector = engine.inspector();                  // sqlalchemy.inspect(engine)
            out.println(inspector.primaryKey("shop_orders").columns());   // [id]
            for (ReflectedColumn c : inspector.columns("shop_orders")) {
                out.println(c.name() + ": " + c.type().javaType().getSimpleName()
                        + (c.nullable() ? "" : ", not null"));         // id: Integer, not null ...
            }
            ReflectedForeignKey fk = inspector.foreignKeys("shop_orders").getFirst();
            out.println(fk.columns() + " -> " + fk.referredTable() + fk.referredColumns() + " on delete "
                    + fk.onDelete());                                  // [customer_id] -> shop_customers[id] ...
            MetaData shop = engine.reflect();                          // MetaData().reflect(engine)
            Table orders = shop.table("shop_orders");                  // works in statements like any Table
            try (Connection conn = engine.connect()) {
                out.println(conn.execute(select(count()).from(orders)).scalar(Long.class) + " orders");
            }
            // end::reflect[]
            engine.useTransaction(conn -> {
                conn.execute("DROP TABLE shop_orders");
                conn.execute("DROP TABLE shop_customers");
            });
        }
    }

    private static void createShop(Engine engine) {
        engine.useTransaction(conn -> {
            conn.execute("DROP TABLE IF EXISTS shop_orders");
            conn.execute("DROP TABLE IF EXISTS shop_customers");
            conn.execute("CREATE TABLE shop_customers (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)");
            conn.execute("CREATE TABLE shop_orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,"
                    + " total NUMERIC(10, 2) NOT NULL DEFAULT 0, note VARCHAR(100),"
                    + " FOREIGN KEY (customer_id) REFERENCES shop_customers (id) ON DELETE CASCADE)");
            conn.execute("INSERT INTO shop_customers (id, name) VALUES (1, 'Alice')");
            conn.execute("INSERT INTO shop_orders (id, customer_id, total) VALUES (1, 1, 9.50), (2, 1, 20)");
        });
    }
}
