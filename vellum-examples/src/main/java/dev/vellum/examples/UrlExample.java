package dev.vellum.examples;

import java.io.PrintStream;

import dev.vellum.engine.Url;
import dev.vellum.engine.Vellum;
import dev.vellum.error.InterfaceException;

/**
 * Database URLs as SQLAlchemy writes them. User name, password and options are percent-decoded; options go to
 * the JDBC driver; {@code toString()} masks the password, so a URL can be logged.
 */
public final class UrlExample {
    private UrlExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Takes a sample URL apart, shows a bad one, then connects to {@code url} and prints it masked. */
    public static void run(String url, PrintStream out) {
        // tag::urls[]
        Url shop = Url.parse("postgresql://app:s3cr%40t@db.example.com:5432/shop?sslmode=require");
        out.println(shop.backend() + " " + shop.username() + " " + shop.host() + " " + shop.port() + " "
                + shop.database() + " " + shop.query());   // POSTGRESQL app db.example.com 5432 shop {sslmode=require}
        out.println(shop.password());                      // s3cr@t
        out.println(shop);                                 // postgresql://app:***@db.example.com:5432/shop?sslmode=...
        out.println(Url.parse("sqlite:////var/data/app.db").database());   // /var/data/app.db
        out.println(Url.parse("sqlite://").isMemory());                    // true
        try {
            Url.parse("postgresql://app@db.example.com:99999/shop");
        } catch (InterfaceException e) {
            out.println(e.getMessage());                   // bad port '99999' in URL ...: expected 1-65535
        }
        // end::urls[]
        try (var conn = Vellum.connect(url)) {
            out.println("connected to " + conn.url() + " (" + conn.backend() + ")");
        }
    }
}
