package dev.vellum.e2e.core;

import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Inspector;
import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedForeignKey;
import dev.vellum.engine.ReflectedIndex;
import dev.vellum.engine.ReflectedPrimaryKey;
import dev.vellum.engine.Row;
import dev.vellum.sql.Column;
import dev.vellum.sql.ForeignKey;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.SqlType;
import dev.vellum.sql.SqlTypes;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Condition;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/**
 * The Chinook sample database (MIT; test resources {@code chinook/}), loaded from each database's own script into
 * the test class's schema, reflected: its eleven tables, the keys of Track, Invoice, InvoiceLine, PlaylistTrack and
 * Employee, its indexes and column types; then queried through the reflected tables and dropped through them.
 */
class ChinookReflectIT {
    private static final ReferentialAction NO_ACTION = ReferentialAction.NO_ACTION;

    /** Loads Chinook into the class's schema (emptied first), runs {@code test}, and empties the schema again. */
    private static void withChinook(TestDatabase db, Consumer<Engine> test) {
        Engine engine = db.createEngine();
        engine.dropAll(engine.reflect());
        Chinook.load(db);
        try {
            test.accept(engine);
        } finally {
            engine.dropAll(engine.reflect());
        }
    }

    /** A Chinook name (table or column, given in PascalCase) as {@code db}'s script spells it. */
    private static String n(TestDb db, String pascal) {
        return Chinook.name(db, pascal);
    }

    private static List<String> n(TestDb db, String... pascal) {
        return Arrays.stream(pascal).map(p -> n(db, p)).toList();
    }

    /** A foreign key's name per database: SQLite's script names none. */
    private static String fkName(TestDb db, String mariadb, String postgresql) {
        return switch (db) {
            case SQLITE -> null;
            case POSTGRESQL -> postgresql;
            case MARIADB -> mariadb;
        };
    }

    private static ReflectedForeignKey fk(TestDb db, String mariadbName, String postgresName, String column,
                                          String table) {
        return new ReflectedForeignKey(fkName(db, mariadbName, postgresName), List.of(n(db, column)), null,
                n(db, table), List.of(n(db, table.equals("Employee") ? "EmployeeId" : column)), NO_ACTION, NO_ACTION);
    }

    /**
     * One test per database, so the 15,607 rows are loaded once (a few seconds each): the reflected catalog, then
     * queries through the reflected tables, then dropping everything through them.
     */
    @DatabaseTest
    void chinookIsReflectedQueriedAndDroppedThroughItsReflection(TestDatabase db) {
        withChinook(db, engine -> {
            theElevenTablesWithTheirKeysIndexesAndTypes(engine.inspector(), db.db());
            theReflectedTablesAnswerQueries(engine, db.db());
            engine.dropAll(engine.reflect());
            assertThat(engine.inspector().tables()).as("dropAll of the reflected tables dropped them all").isEmpty();
        });
    }

    private static void theElevenTablesWithTheirKeysIndexesAndTypes(Inspector inspector, TestDb d) {
        assertThat(inspector.tables()).hasSize(11).containsExactlyElementsOf(
                Chinook.PASCAL.stream().map(t -> n(d, t)).sorted().toList());
        assertThat(inspector.views()).isEmpty();

        assertThat(inspector.foreignKeys(n(d, "Track"))).containsExactly(
                fk(d, "FK_TrackAlbumId", "track_album_id_fkey", "AlbumId", "Album"),
                fk(d, "FK_TrackGenreId", "track_genre_id_fkey", "GenreId", "Genre"),
                fk(d, "FK_TrackMediaTypeId", "track_media_type_id_fkey", "MediaTypeId", "MediaType"));
        assertThat(inspector.foreignKeys(n(d, "Invoice"))).containsExactly(
                fk(d, "FK_InvoiceCustomerId", "invoice_customer_id_fkey", "CustomerId", "Customer"));
        assertThat(inspector.foreignKeys(n(d, "InvoiceLine"))).containsExactly(
                fk(d, "FK_InvoiceLineInvoiceId", "invoice_line_invoice_id_fkey", "InvoiceId", "Invoice"),
                fk(d, "FK_InvoiceLineTrackId", "invoice_line_track_id_fkey", "TrackId", "Track"));
        assertThat(inspector.foreignKeys(n(d, "Employee"))).as("a self reference").containsExactly(
                fk(d, "FK_EmployeeReportsTo", "employee_reports_to_fkey", "ReportsTo", "Employee"));
        assertThat(inspector.foreignKeys(n(d, "Customer"))).containsExactly(
                fk(d, "FK_CustomerSupportRepId", "customer_support_rep_id_fkey", "SupportRepId", "Employee"));
        assertThat(inspector.foreignKeys(n(d, "Artist"))).isEmpty();

        assertThat(inspector.primaryKey(n(d, "PlaylistTrack"))).isEqualTo(new ReflectedPrimaryKey(
                switch (d) {
                    case SQLITE -> "PK_PlaylistTrack";
                    case POSTGRESQL -> "playlist_track_pkey";
                    case MARIADB -> null;
                }, n(d, "PlaylistId", "TrackId")));
        assertThat(inspector.primaryKey(n(d, "Track")).columns()).containsExactly(n(d, "TrackId"));

        assertThat(inspector.indexes(n(d, "Track"))).containsExactly(
                index(d, "IFK_TrackAlbumId", "track_album_id_idx", "AlbumId"),
                index(d, "IFK_TrackGenreId", "track_genre_id_idx", "GenreId"),
                index(d, "IFK_TrackMediaTypeId", "track_media_type_id_idx", "MediaTypeId"));
        assertThat(inspector.indexes(n(d, "PlaylistTrack"))).containsExactly(
                index(d, "IFK_PlaylistTrackPlaylistId", "playlist_track_playlist_id_idx", "PlaylistId"),
                index(d, "IFK_PlaylistTrackTrackId", "playlist_track_track_id_idx", "TrackId"));
        for (String table : inspector.tables()) {
            assertThat(inspector.uniqueConstraints(table)).as(table).isEmpty();
        }

        List<ReflectedColumn> track = inspector.columns(n(d, "Track"));
        assertThat(track).extracting(ReflectedColumn::name).containsExactlyElementsOf(n(d, "TrackId", "Name",
                "AlbumId", "MediaTypeId", "GenreId", "Composer", "Milliseconds", "Bytes", "UnitPrice"));
        assertThat(track).extracting(ReflectedColumn::type).containsExactly(SqlTypes.INTEGER,
                SqlTypes.varchar(200), SqlTypes.INTEGER, SqlTypes.INTEGER, SqlTypes.INTEGER,
                SqlTypes.varchar(220), SqlTypes.INTEGER, SqlTypes.INTEGER, SqlTypes.numeric(10, 2));
        assertThat(track).extracting(ReflectedColumn::nullable)
                .containsExactly(false, false, true, false, true, true, false, true, false);
        assertThat(track.getFirst().autoincrement()).as("only SQLite's INTEGER PRIMARY KEY is generated")
                .isEqualTo(d == TestDb.SQLITE);
        assertThat(track.get(1).typeName()).isEqualTo(switch (d) {
            case SQLITE -> "NVARCHAR(200)";
            case POSTGRESQL -> "character varying(200)";
            case MARIADB -> "varchar(200)";
        });
        ReflectedColumn invoiceDate = inspector.table(n(d, "Invoice")).column(n(d, "InvoiceDate"));
        assertThat(invoiceDate.type()).isEqualTo(SqlTypes.TIMESTAMP);
        assertThat(invoiceDate.nullable()).isFalse();
        assertThat(inspector.columns(n(d, "Employee"))).extracting(ReflectedColumn::type)
                .filteredOn(t -> t.equals(SqlTypes.TIMESTAMP)).hasSize(2);
    }

    private static ReflectedIndex index(TestDb db, String pascalName, String postgresName, String column) {
        return new ReflectedIndex(db == TestDb.POSTGRESQL ? postgresName : pascalName, List.of(n(db, column)), false,
                false);
    }

    private static void theReflectedTablesAnswerQueries(Engine engine, TestDb d) {
        MetaData md = engine.reflect();
        assertThat(md.tables()).hasSize(11);
        Table track = md.table(n(d, "Track"));
        Table genre = md.table(n(d, "Genre"));
        ForeignKey toGenre = track.foreignKeys().stream().filter(fk -> fk.referencedTable() == genre)
                .findFirst().orElseThrow();
        Column<?> genreName = genre.column(n(d, "Name"));
        engine.useTransaction(conn -> {
            long rows = 0;
            for (Table table : md.tables()) {
                rows += conn.execute(select(count()).from(table)).scalar(Long.class);
            }
            assertThat(rows).as("Chinook's rows, counted through the reflected tables").isEqualTo(15_607);
            assertThat(conn.execute(select(count()).from(track)).scalar(Long.class)).isEqualTo(3_503);

            Row top = conn.execute(select(genreName, count().as("tracks"))
                    .from(track.join(genre, on(toGenre))).groupBy(genreName)
                    .orderBy(count().desc()).limit(1)).one();
            assertThat(top.get(0)).isEqualTo("Rock");
            assertThat(top.get(1, Long.class)).isEqualTo(1_297L);
        });
    }

    /** The join condition of a one-column foreign key. */
    private static Condition on(ForeignKey fk) {
        return eq(fk.columns().getFirst(), fk.referenced().getFirst());
    }

    @SuppressWarnings("unchecked")
    private static <T> Condition eq(Column<T> left, Column<?> right) {
        SqlType<?> type = right.type();
        assertThat(type).isEqualTo(left.type());
        return left.eq((Column<T>) right);
    }
}
