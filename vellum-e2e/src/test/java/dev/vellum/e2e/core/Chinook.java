package dev.vellum.e2e.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.vellum.engine.Connection;
import dev.vellum.testkit.TestDatabase;
import dev.vellum.testkit.TestDb;

/**
 * Loads the Chinook sample database (test resources {@code chinook/}, MIT; see its NOTICE.md) into a test's own
 * schema: the script of the database, split into statements, without the lines that would create, drop or switch
 * to a database of its own. All 15,607 rows: 24 multi-row INSERTs, 1 to 4 seconds per database here.
 */
final class Chinook {
    /** Chinook's eleven tables as each script names them (SQLite and MySQL: PascalCase; PostgreSQL: snake_case). */
    static final List<String> PASCAL = List.of("Album", "Artist", "Customer", "Employee", "Genre", "Invoice",
            "InvoiceLine", "MediaType", "Playlist", "PlaylistTrack", "Track");

    private Chinook() {
    }

    /** The script for {@code db}. */
    static String script(TestDb db) {
        String name = switch (db) {
            case SQLITE -> "Chinook_Sqlite.sql";
            case POSTGRESQL -> "Chinook_PostgreSql.sql";
            case MARIADB -> "Chinook_MySql.sql";
        };
        try (InputStream in = Chinook.class.getResourceAsStream("/chinook/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource chinook/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script in one transaction (MariaDB commits its DDL as it goes). */
    static void load(TestDatabase db) {
        try (Connection conn = db.connect()) {
            if (db.db() == TestDb.MARIADB) {
                conn.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
            }
            for (String statement : statements(script(db.db()))) {
                conn.execute(statement);
            }
            conn.commit();
        }
    }

    /** The table names as {@code db}'s script spells them. */
    static String name(TestDb db, String pascal) {
        return db == TestDb.POSTGRESQL ? snake(pascal) : pascal;
    }

    /** {@code InvoiceLine} → {@code invoice_line}, {@code CustomerId} → {@code customer_id}. */
    static String snake(String pascal) {
        return pascal.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The statements of a script: comments dropped, split at semicolons outside string literals and quoted
     * names, without the database-level statements ({@code DROP/CREATE DATABASE}, {@code USE}, psql's {@code \c}).
     */
    static List<String> statements(String script) {
        var statements = new ArrayList<String>();
        var current = new StringBuilder();
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = i + 1;
                while (end < n) {
                    if (script.charAt(end) == close) {
                        if (close == '\'' && end + 1 < n && script.charAt(end + 1) == '\'') {
                            end += 2; // '' inside a string
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                current.append(script, i, Math.min(end + 1, n));
                i = end;
            } else if (c == ';') {
                add(statements, current);
            } else {
                current.append(c);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        current.setLength(0);
        String upper = statement.toUpperCase(Locale.ROOT);
        if (statement.isEmpty() || upper.startsWith("DROP DATABASE") || upper.startsWith("CREATE DATABASE")
                || upper.startsWith("USE ") || statement.startsWith("\\c")) {
            return;
        }
        statements.add(statement);
    }
}
