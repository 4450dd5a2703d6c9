package dev.vellum.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import dev.vellum.engine.Connection;
import dev.vellum.engine.CopyIn;
import dev.vellum.engine.CopyOut;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.engine.Vellum;
import dev.vellum.error.NotSupportedException;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;

import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.DOUBLE;
import static dev.vellum.sql.SqlTypes.varchar;

/**
 * psycopg's {@code cursor.copy()}: PostgreSQL's COPY through typed Core columns, to load and export many rows.
 * SQLite and MariaDB have no COPY; there the example shows the error and uses a batched insert instead.
 */
public final class CopyExample {
    static final MetaData METADATA = new MetaData();

    static final class Readings extends Table {
        final Column<Long> id = column("id", BIGINT).primaryKey();
        final Column<String> sensor = column("sensor", varchar(20)).notNull();
        final Column<Double> celsius = column("celsius", DOUBLE);

        Readings() {
            super(METADATA, "copy_readings");
        }
    }

    static final Readings READINGS = new Readings();

    private CopyExample() {
    }

    /** Runs on the URL given as first argument, by default {@code sqlite:///app.db}. */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "sqlite:///app.db", System.out);
    }

    /** Loads 1,000 readings with COPY (PostgreSQL) and exports the warm ones. */
    public static void run(String url, PrintStream out) {
        try (Engine engine = Vellum.createEngine(url)) {
            engine.dropAll(METADATA);
            engine.createAll(METADATA);
            try (Connection conn = engine.connect()) {
                load(conn, out);
            }
        }
    }

    private static void load(Connection conn, PrintStream out) {
        try {
            // tag::copy[]
            CopyIn copy = conn.copyIn(READINGS, READINGS.id, READINGS.sensor, READINGS.celsius);
            try {
                for (long i = 1; i <= 1_000; i++) {                 // streamed, typed like the columns
                    copy.writeRow(i, "sensor-" + i % 4, i % 10 == 0 ? null : 15.0 + i % 20);
                }
            } catch (RuntimeException e) {
                copy.cancel();                                       // nothing of this COPY is stored
                throw e;
            }
            copy.close();                                            // finishes the COPY
            conn.commit();
            out.println("copied " + copy.rowCount() + " rows");      // copied 1000 rows
            CopyOut export = conn.copyOut(select(READINGS.sensor, READINGS.celsius)
                    .where(READINGS.celsius.isNotNull()));          // no binds: COPY (query) takes none
            long warm = 0;
            for (Row row : export) {                                 // COPY ... TO STDOUT, row by row
                warm += row.get(READINGS.celsius) >= 30.0 ? 1 : 0;
            }
            out.println(warm + " readings of 30 degrees or more");   // 250 readings of 30 degrees or more
            // end::copy[]
        } catch (NotSupportedException e) {
            out.println(e.getMessage().substring(0, e.getMessage().indexOf(':')));
            conn.rollback();
            long n = conn.execute(insert(READINGS), List.of(
                    Map.of(READINGS.id, 1L, READINGS.sensor, "sensor-1", READINGS.celsius, 16.0))).rowCount();
            conn.commit();
            out.println("inserted " + n + " row instead");
        }
    }
}
