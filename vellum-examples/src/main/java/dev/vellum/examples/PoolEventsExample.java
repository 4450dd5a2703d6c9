package dev.vellum.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Engine;
import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.PoolEvent;
import dev.vellum.engine.PoolListener;
import dev.vellum.engine.PoolStats;
import dev.vellum.engine.Url;
import dev.vellum.engine.Vellum;

/**
 * Pool events and statistics (SQLAlchemy's {@code event.listen(engine, "checkout", ...)}): a pool of one
 * connection with an overflow of one lends out two, then closes the overflow connection when it comes back while
 * the other is idle. Needs a database several connections share: not {@code sqlite://}, where an engine keeps
 * a single connection.
 */
public final class PoolEventsExample {
    private PoolEventsExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Checks two connections out and in, printing the pool's counts and the events a listener received. */
    public static void run(String url, PrintStream out) {
        if (Url.parse(url).isMemory()) {
            throw new IllegalArgumentException("PoolEventsExample needs a database several connections share, "
                    + "not " + url + " (a sqlite:// engine keeps one connection)");
        }
        // tag::logging[]
        var logged = EngineOptions.defaults()
                .echo(true)                                       // statements and binds: INFO, dev.vellum.engine.echo
                .hideParameters(true)                             // ... without the bind values
                .slowStatementThreshold(Duration.ofMillis(500))   // slower statements: WARN, dev.vellum.engine.slow
                .echoPool(true);                                  // pool events: INFO, dev.vellum.engine.pool
        // end::logging[]
        // tag::pool-events[]
        List<String> events = new CopyOnWriteArrayList<>();       // listeners run on the pool's threads too
        try (Engine engine = Vellum.createEngine(url, logged.poolSize(1).maxOverflow(1))) {
            engine.addPoolListener(new PoolListener() {
                @Override
                public void onCheckout(PoolEvent event) {
                    events.add("checkout " + event.connectionId());
                }

                @Override
                public void onCheckin(PoolEvent event) {
                    events.add("checkin " + event.connectionId());
                }

                @Override
                public void onInvalidate(PoolEvent event) {
                    events.add("invalidate " + event.connectionId() + " (" + event.reason() + ")");
                }
            });
            Connection first = engine.connect();
            Connection second = engine.connect();                 // none idle: an overflow connection opens
            PoolStats busy = engine.poolStats();
            out.println(busy.active() + " active, " + busy.total() + " open");   // 2 active, 2 open
            second.close();                                       // back to the pool, idle
            first.close();                                        // poolSize (1) idle already: closed
            PoolStats idle = engine.poolStats();
            out.println(idle.active() + " active, " + idle.total() + " open, " + idle.checkouts() + " checkouts");
        }                                                         // 0 active, 1 open, 2 checkouts
        out.println(events);   // [checkout 1, checkout 2, checkin 2, checkin 1, invalidate 1 (overflow)]
        // end::pool-events[]
    }
}
