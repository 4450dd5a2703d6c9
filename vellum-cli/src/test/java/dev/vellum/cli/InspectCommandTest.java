package dev.vellum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Vellum;

/**
 * {@code vellum inspect} on a SQLite file, in each format: the whole output compared line by line, with a
 * default that holds a quote, a backslash and a line break to prove the escaping.
 */
class InspectCommandTest {
    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void createSchema() {
        url = "sqlite:///" + dir.resolve("shop.db").toAbsolutePath();
        try (Connection conn = Vellum.connect(url)) {
            conn.execute("""
                    CREATE TABLE author (
                        id INTEGER PRIMARY KEY,
                        name VARCHAR(50) NOT NULL,
                        motto TEXT DEFAULT 'say "hi" \\ then
                    more',
                        CONSTRAINT uq_author_name UNIQUE (name))""");
            conn.execute("""
                    CREATE TABLE book (
                        author_id INTEGER NOT NULL,
                        seq INTEGER NOT NULL,
                        title VARCHAR(200) NOT NULL,
                        price NUMERIC(8, 2) DEFAULT 9.99,
                        editor_id INTEGER,
                        CONSTRAINT pk_book PRIMARY KEY (author_id, seq),
                        CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE,
                        FOREIGN KEY (editor_id) REFERENCES author (id) ON DELETE SET NULL)""");
            conn.execute("CREATE INDEX ix_book_title ON book (title, seq)");
            conn.execute("CREATE VIEW titles AS SELECT title FROM book");
            conn.commit();
        }
    }

    @Test
    void textListsTablesColumnsKeysAndIndexes() {
        CliRun run = CliRun.of("inspect", url);

        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).containsExactly(
                url + ": 2 tables, 1 view",
                "",
                "table author",
                "  id     INTEGER      NOT NULL  autoincrement",
                "  name   VARCHAR(50)  NOT NULL",
                "  motto  TEXT                   DEFAULT 'say \"hi\" \\ then\\nmore'",
                "  primary key (id)",
                "  unique uq_author_name (name)",
                "",
                "table book",
                "  author_id  INTEGER        NOT NULL",
                "  seq        INTEGER        NOT NULL",
                "  title      VARCHAR(200)   NOT NULL",
                "  price      NUMERIC(8, 2)            DEFAULT 9.99",
                "  editor_id  INTEGER",
                "  primary key pk_book (author_id, seq)",
                "  foreign key fk_book_author (author_id) references author (id) on delete CASCADE",
                "  foreign key (editor_id) references author (id) on delete SET NULL",
                "  index ix_book_title (title, seq)",
                "",
                "view titles",
                "  title  VARCHAR(200)");
        assertThat(CliRun.of("inspect", "--format", "TEXT", url).out()).isEqualTo(run.out());
    }

    @Test
    void jsonIsOneEscapedDocument() {
        CliRun run = CliRun.of("inspect", url, "--format", "json");

        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("""
                {
                  "url": "%s",
                  "backend": "sqlite",
                  "tables": [
                    {
                      "name": "author",
                      "columns": [
                        {
                          "name": "id",
                          "type": "INTEGER",
                          "vellumType": "INTEGER",
                          "nullable": false,
                          "default": null,
                          "autoincrement": true
                        },
                        {
                          "name": "name",
                          "type": "VARCHAR(50)",
                          "vellumType": "VARCHAR(50)",
                          "nullable": false,
                          "default": null,
                          "autoincrement": false
                        },
                        {
                          "name": "motto",
                          "type": "TEXT",
                          "vellumType": "TEXT",
                          "nullable": true,
                          "default": "'say \\"hi\\" \\\\ then\\nmore'",
                          "autoincrement": false
                        }
                      ],
                      "primaryKey": {
                        "name": null,
                        "columns": ["id"]
                      },
                      "foreignKeys": [],
                      "uniqueConstraints": [
                        {
                          "name": "uq_author_name",
                          "columns": ["name"]
                        }
                      ],
                      "indexes": []
                    },
                    {
                      "name": "book",
                      "columns": [
                        {
                          "name": "author_id",
                          "type": "INTEGER",
                          "vellumType": "INTEGER",
                          "nullable": false,
                          "default": null,
                          "autoincrement": false
                        },
                        {
                          "name": "seq",
                          "type": "INTEGER",
                          "vellumType": "INTEGER",
                          "nullable": false,
                          "default": null,
                          "autoincrement": false
                        },
                        {
                          "name": "title",
                          "type": "VARCHAR(200)",
                          "vellumType": "VARCHAR(200)",
                          "nullable": false,
                          "default": null,
                          "autoincrement": false
                        },
                        {
                          "name": "price",
                          "type": "NUMERIC(8, 2)",
                          "vellumType": "NUMERIC(8, 2)",
                          "nullable": true,
                          "default": "9.99",
                          "autoincrement": false
                        },
                        {
                          "name": "editor_id",
                          "type": "INTEGER",
                          "vellumType": "INTEGER",
                          "nullable": true,
                          "default": null,
                          "autoincrement": false
                        }
                      ],
                      "primaryKey": {
                        "name": "pk_book",
                        "columns": ["author_id", "seq"]
                      },
                      "foreignKeys": [
                        {
                          "name": "fk_book_author",
                          "columns": ["author_id"],
                          "referredSchema": null,
                          "referredTable": "author",
                          "referredColumns": ["id"],
                          "onDelete": "CASCADE",
                          "onUpdate": "NO ACTION"
                        },
                        {
                          "name": null,
                          "columns": ["editor_id"],
                          "referredSchema": null,
                          "referredTable": "author",
                          "referredColumns": ["id"],
                          "onDelete": "SET NULL",
                          "onUpdate": "NO ACTION"
                        }
                      ],
                      "uniqueConstraints": [],
                      "indexes": [
                        {
                          "name": "ix_book_title",
                          "columns": ["title", "seq"],
                          "unique": false
                        }
                      ]
                    }
                  ],
                  "views": [
                    {
                      "name": "titles",
                      "columns": [
                        {
                          "name": "title",
                          "type": "VARCHAR(200)",
                          "vellumType": "VARCHAR(200)",
                          "nullable": true,
                          "default": null,
                          "autoincrement": false
                        }
                      ]
                    }
                  ]
                }
                """.formatted(url));
    }

    @Test
    void jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
        var out = new StringBuilder();
        SchemaJson.string(out, "a\"b\\c\nd\te\u0001\u2028");
        assertThat(out).hasToString("\"a\\\"b\\\\c\\nd\\te\\u0001\\u2028\"");
    }

    @Test
    void mermaidDrawsTheTablesAndTheirForeignKeys() {
        CliRun run = CliRun.of("inspect", "-f", "mermaid", url);

        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).containsExactly(
                "erDiagram",
                "    author {",
                "        INTEGER id PK",
                "        VARCHAR(50) name UK",
                "        TEXT motto",
                "    }",
                "    book {",
                "        INTEGER author_id PK, FK",
                "        INTEGER seq PK",
                "        VARCHAR(200) title",
                "        NUMERIC(8_2) price",
                "        INTEGER editor_id FK",
                "    }",
                "    author ||--o{ book : \"fk_book_author\"",
                "    author |o..o{ book : \"editor_id\"");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.of("inspect", url, "--format", "xml");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines().getFirst())
                .isEqualTo("Invalid value for option '--format': expected text, json or mermaid, not 'xml'");
    }

    @Test
    void aMissingSqliteFileIsOneLineAndIsNotCreated() {
        Path missing = dir.resolve("missing.db");
        CliRun run = CliRun.of("inspect", "sqlite:///" + missing);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: InterfaceException: no SQLite database at " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void anEmptyDatabaseHasNoTables() {
        CliRun run = CliRun.of("inspect", "sqlite://");

        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).isEqualTo(List.of("sqlite://: 0 tables, 0 views"));
    }
}
