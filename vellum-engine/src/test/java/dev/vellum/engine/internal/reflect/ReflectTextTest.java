package dev.vellum.engine.internal.reflect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vellum.engine.Backend;
import dev.vellum.sql.SqlTypes;
import dev.vellum.sql.ast.Expression;

/**
 * What reflection reads from text, without a database: defaults back to values, SQLite's CREATE text for the
 * constraint names its pragmas omit, and every backend's type spellings back to Vellum types.
 */
class ReflectTextTest {
    @Test
    void literalDefaultsBecomeValuesOfTheColumnsType() {
        assertThat(DefaultValues.parse("'it''s'::character varying", SqlTypes.varchar(9), Backend.POSTGRESQL))
                .isEqualTo("it's");
        assertThat(DefaultValues.parse("'-1'::integer", SqlTypes.INTEGER, Backend.POSTGRESQL)).isEqualTo(-1);
        assertThat(DefaultValues.parse("(-1)", SqlTypes.BIGINT, Backend.POSTGRESQL)).isEqualTo(-1L);
        assertThat(DefaultValues.parse("1.50", SqlTypes.numeric(5, 2), Backend.MARIADB))
                .isEqualTo(new BigDecimal("1.50"));
        assertThat(DefaultValues.parse("3", SqlTypes.SMALLINT, Backend.SQLITE)).isEqualTo((short) 3);
        assertThat(DefaultValues.parse("2.5", SqlTypes.DOUBLE, Backend.SQLITE)).isEqualTo(2.5);
        assertThat(DefaultValues.parse("'2020-01-01'::date", SqlTypes.DATE, Backend.POSTGRESQL))
                .isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(DefaultValues.parse("'a\\\\b\\'c'", SqlTypes.TEXT, Backend.MARIADB)).isEqualTo("a\\b'c");
        assertThat(DefaultValues.parse("'a\\b'::text", SqlTypes.TEXT, Backend.POSTGRESQL)).isEqualTo("a\\b");
        assertThat(DefaultValues.parse("true", SqlTypes.BOOLEAN, Backend.POSTGRESQL)).isEqualTo(true);
        assertThat(DefaultValues.parse("0", SqlTypes.BOOLEAN, Backend.MARIADB)).isEqualTo(false);
        assertThat(DefaultValues.parse("'0f8fad5b-d9cb-469f-a165-70867728950e'::uuid", SqlTypes.UUID_TYPE,
                Backend.POSTGRESQL)).hasToString("0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    @Test
    void currentTimestampInItsSpellingsIsAnExpressionOnTimestampsOnly() {
        for (String now : List.of("CURRENT_TIMESTAMP", "current_timestamp()", "current_timestamp(6)", "now()")) {
            assertThat(DefaultValues.parse(now, SqlTypes.TIMESTAMP, Backend.MARIADB)).as(now)
                    .isInstanceOf(Expression.Func.class);
            assertThat(DefaultValues.parse(now, SqlTypes.DATE, Backend.MARIADB)).as(now).isNull();
        }
    }

    @Test
    void whatIsNotALiteralOfTheTypeIsLeftOut() {
        assertThat(DefaultValues.parse(null, SqlTypes.TEXT, Backend.SQLITE)).isNull();
        assertThat(DefaultValues.parse("NULL", SqlTypes.TEXT, Backend.MARIADB)).isNull();
        assertThat(DefaultValues.parse("nextval('t_id_seq'::regclass)", SqlTypes.BIGINT, Backend.POSTGRESQL))
                .isNull();
        assertThat(DefaultValues.parse("'abc'", SqlTypes.INTEGER, Backend.SQLITE)).isNull();
        assertThat(DefaultValues.parse("1 + 2", SqlTypes.INTEGER, Backend.SQLITE)).isNull();
        assertThat(DefaultValues.parse("lower('X')", SqlTypes.TEXT, Backend.SQLITE)).isNull();
        assertThat(DefaultValues.parse("'x' || 'y'", SqlTypes.TEXT, Backend.SQLITE)).isNull();
        assertThat(DefaultValues.parse("'\\x00'::bytea", SqlTypes.BYTES, Backend.POSTGRESQL)).isNull();
        assertThat(DefaultValues.parse("'open", SqlTypes.TEXT, Backend.SQLITE)).isNull();
        assertThat(DefaultValues.parse("1", SqlTypes.enumOf(Backend.class), Backend.SQLITE)).isNull();
    }

    @Test
    void sqliteConstraintNamesAreReadFromTheCreateText() {
        SqliteSchemaText text = SqliteSchemaText.parse("""
                CREATE TABLE "order items" (
                    "id" INTEGER CONSTRAINT "pk order" PRIMARY KEY,
                    [sku] TEXT NOT NULL CONSTRAINT uq_sku UNIQUE CONSTRAINT fk_sku REFERENCES product (sku),
                    note TEXT DEFAULT ('UNIQUE, REFERENCES x') CHECK (note <> 'FOREIGN KEY (a)'),
                    a INT, b INT, -- a comment with UNIQUE (a)
                    /* and UNIQUE (b) */
                    UNIQUE (a, b),
                    CONSTRAINT `ab fk` FOREIGN KEY (a, b) REFERENCES "other t" (x, y) ON DELETE CASCADE
                ) WITHOUT ROWID""");

        assertThat(text.primaryKeyName()).isEqualTo("pk order");
        assertThat(text.uniques()).containsExactly(new SqliteSchemaText.Named("uq_sku", List.of("sku"), null),
                new SqliteSchemaText.Named(null, List.of("a", "b"), null));
        assertThat(text.foreignKeys()).containsExactly(
                new SqliteSchemaText.Named("fk_sku", List.of("sku"), "product"),
                new SqliteSchemaText.Named("ab fk", List.of("a", "b"), "other t"));
        assertThat(text.withoutRowid()).isTrue();
        assertThat(SqliteSchemaText.parse("CREATE TABLE t (x INTEGER PRIMARY KEY)").withoutRowid()).isFalse();
        assertThat(SqliteSchemaText.parse(null).uniques()).isEmpty();
    }

    @Test
    void sqliteIndexPartsAreReadAsWritten() {
        assertThat(SqliteSchemaText.indexParts(
                "CREATE INDEX ix ON t (lower(name) COLLATE NOCASE DESC, \"b c\", length(x) ASC)"))
                .containsExactly("lower(name)", "\"b c\"", "length(x)");
    }

    @Test
    void typeSpellingsMapToVellumTypes() {
        assertThat(SqliteCatalog.type("NVARCHAR(160)")).isEqualTo(SqlTypes.varchar(160));
        assertThat(SqliteCatalog.type("numeric(10,2)")).isEqualTo(SqlTypes.numeric(10, 2));
        assertThat(SqliteCatalog.type("DOUBLE PRECISION")).isEqualTo(SqlTypes.DOUBLE);
        assertThat(SqliteCatalog.type("DATETIME")).isEqualTo(SqlTypes.TIMESTAMP);
        assertThat(SqliteCatalog.type("UNSIGNED BIG INT")).isEqualTo(SqlTypes.BIGINT);
        assertThat(SqliteCatalog.type("BIGSERIALINT")).as("affinity: INT").isEqualTo(SqlTypes.BIGINT);
        assertThat(SqliteCatalog.type("LONGBLOB")).as("affinity: BLOB").isEqualTo(SqlTypes.BYTES);
        assertThat(SqliteCatalog.type("")).as("no type").isEqualTo(SqlTypes.TEXT);
        assertThat(SqliteCatalog.type("GEOMETRY")).as("unknown").isEqualTo(SqlTypes.TEXT);

        assertThat(PostgresCatalog.type("int4", null, "integer")).isEqualTo(SqlTypes.INTEGER);
        assertThat(PostgresCatalog.type("bpchar", null, "character(3)")).isEqualTo(SqlTypes.varchar(3));
        assertThat(PostgresCatalog.type("varchar", null, "character varying")).isEqualTo(SqlTypes.TEXT);
        assertThat(PostgresCatalog.type("numeric", null, "numeric")).extracting(t -> t.javaType())
                .isEqualTo(BigDecimal.class);
        assertThat(PostgresCatalog.type("_int4", "int4", "integer[]")).isEqualTo(SqlTypes.arrayOf(SqlTypes.INTEGER));
        assertThat(PostgresCatalog.type("_inet", "inet", "inet[]")).isEqualTo(SqlTypes.TEXT);
        assertThat(PostgresCatalog.type("interval", null, "interval")).isEqualTo(SqlTypes.TEXT);

        assertThat(MariaDbCatalog.type("tinyint", "tinyint(1)", 0, 3, 0)).isEqualTo(SqlTypes.BOOLEAN);
        assertThat(MariaDbCatalog.type("tinyint", "tinyint(4)", 0, 3, 0)).isEqualTo(SqlTypes.SMALLINT);
        assertThat(MariaDbCatalog.type("int", "int(10) unsigned", 0, 10, 0)).isEqualTo(SqlTypes.BIGINT);
        assertThat(MariaDbCatalog.type("bigint", "bigint(20) unsigned", 0, 20, 0))
                .isEqualTo(SqlTypes.numeric(20, 0));
        assertThat(MariaDbCatalog.type("enum", "enum('a','bcd')", 3, 0, 0)).isEqualTo(SqlTypes.varchar(3));
        assertThat(MariaDbCatalog.type("decimal", "decimal(10,2)", 0, 10, 2)).isEqualTo(SqlTypes.numeric(10, 2));
        assertThat(MariaDbCatalog.type("year", "year(4)", 0, 0, 0)).isEqualTo(SqlTypes.TEXT);
    }
}
