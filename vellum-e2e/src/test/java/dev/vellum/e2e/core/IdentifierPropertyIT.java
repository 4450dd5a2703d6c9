package dev.vellum.e2e.core;

import static dev.vellum.sql.Sql.insert;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.SqlTypes.BIGINT;
import static dev.vellum.sql.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.sql.Column;
import dev.vellum.sql.MetaData;
import dev.vellum.sql.Table;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;

/**
 * Random identifiers (reserved words, every quote character, spaces, non-ASCII letters, mixed case) name a table
 * and a column that survive CREATE, INSERT and SELECT on every database. Each try does DDL, so there are 50 per
 * database, drawn from a fixed seed (named in any failure) so that a failure replays exactly.
 */
class IdentifierPropertyIT {
    private static final int TRIES = 50;
    private static final long SEED = 0x1d_5eedL;
    private static final List<String> RESERVED = List.of("select", "order", "user", "group", "from", "table",
            "where", "index", "key", "default", "check", "limit", "offset", "window", "values", "column", "desc",
            "primary", "references", "union", "null", "true", "Select", "ORDER", "User", "rowid", "oid");
    private static final String ODD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ \"`'_-.,;()$?:\\%09";
    private static final String UNICODE = "éüßøÅñçΩλжЯ表列かな한 _\"'`";

    @DatabaseTest
    void aTableAndColumnSurviveCreateInsertAndSelect(TestDatabase db) {
        Engine engine = db.createEngine();
        var random = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            String tableName = identifier(random);
            String columnName = identifier(random);
            if (columnName.equalsIgnoreCase("id")) { // SQLite and MariaDB compare column names without case
                continue;
            }
            try {
                roundTrip(engine, tableName, columnName);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("try " + i + " (seed " + SEED + "): table [" + tableName + "], column ["
                        + columnName + "]: " + e, e);
            }
        }
    }

    /** A reserved word, odd ASCII, non-ASCII text, or a cased reserved word; never one no quoting can save. */
    private static String identifier(Random random) {
        while (true) {
            String name = switch (random.nextInt(4)) {
                case 0 -> RESERVED.get(random.nextInt(RESERVED.size()));
                case 1 -> text(random, ODD, 16);
                case 2 -> text(random, UNICODE, 12);
                default -> {
                    String word = RESERVED.get(random.nextInt(RESERVED.size()));
                    yield word.toUpperCase(Locale.ROOT) + " " + word;
                }
            };
            // MariaDB refuses names that end in a space; SQLite keeps "sqlite_" for itself
            if (!name.isBlank() && !name.endsWith(" ") && !name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                return name;
            }
        }
    }

    private static String text(Random random, String alphabet, int maxLength) {
        var sb = new StringBuilder();
        for (int n = 1 + random.nextInt(maxLength); n > 0; n--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static void roundTrip(Engine engine, String tableName, String columnName) {
        var metadata = new MetaData();
        var table = new Table(metadata, tableName);
        Column<Long> id = table.column("id", BIGINT).primaryKey();
        Column<String> value = table.column(columnName, varchar(60));
        engine.createAll(metadata);
        try {
            engine.useTransaction(conn -> {
                conn.execute(insert(table).value(id, 1L).value(value, columnName));
                conn.execute(insert(table).value(id, 2L).value(value, "in " + tableName));
                Row row = conn.execute(select(table).where(value.eq(columnName))).one();
                assertThat(row.get(id)).isEqualTo(1L);
                assertThat(row.get(value)).isEqualTo(columnName);
                assertThat(row.columns()).containsExactly("id", columnName);
                assertThat(row.get(columnName)).isEqualTo(columnName);
                var alias = table.as(columnName);
                var aliased = select(alias.get(value)).from(alias).orderBy(alias.get(id).desc());
                assertThat(conn.execute(aliased).all().stream().map(r -> r.get(alias.get(value))).toList())
                        .containsExactly("in " + tableName, columnName);
            });
        } finally {
            engine.dropAll(metadata);
        }
    }
}
