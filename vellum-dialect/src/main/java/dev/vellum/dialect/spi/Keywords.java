package dev.vellum.dialect.spi;

import java.util.Locale;
import java.util.Set;

/**
 * Words that are reserved in SQL:2016, PostgreSQL (including those that may name only a function or a type) or
 * MariaDB, and SQLite keywords. An identifier spelled like one is quoted on every dialect, so a schema means the
 * same on all three.
 */
final class Keywords {
    private static final Set<String> RESERVED = Set.of((""
            + "abort accessible action add after all alter always analyse analyze and any array as asc asensitive "
            + "asymmetric attach authorization autoincrement before begin between bigint binary blob both by call "
            + "cascade cascaded case cast change char character check collate collation column commit concurrently "
            + "condition conflict constraint continue convert create cross current current_catalog current_date "
            + "current_role current_schema current_time current_timestamp current_user cursor database databases "
            + "day_hour day_microsecond day_minute day_second dec decimal declare default deferrable deferred delayed "
            + "delete delete_domain_id desc describe detach deterministic distinct distinctrow div do do_domain_ids "
            + "double drop dual each else elseif enclosed end escape escaped except exclude exclusive exists exit "
            + "explain false fetch filter first float float4 float8 following for force foreign freeze from full "
            + "fulltext function generated glob grant group groups having high_priority hour_microsecond hour_minute "
            + "hour_second if ignore ignore_domain_ids ilike immediate in index indexed infile initially inner inout "
            + "insensitive insert instead int int1 int2 int3 int4 int8 integer intersect interval into is isnull "
            + "iterate join key keys kill lateral leading leave left like limit linear lines load localtime "
            + "localtimestamp lock long longblob longtext loop low_priority master_ssl_verify_server_cert match "
            + "materialized maxvalue mediumblob mediumint mediumtext middleint minute_microsecond minute_second mod "
            + "modifies natural no no_write_to_binlog not nothing notnull null nulls numeric of offset on only "
            + "optimize option optionally or order others out outer outfile over overlaps page_checksum "
            + "parse_vcol_expr partition placing plan pragma preceding precision primary procedure purge query raise "
            + "range read read_write reads real recursive ref_system_id references regexp reindex release rename "
            + "repeat replace require resignal restrict return returning revoke right rlike row row_number rows "
            + "savepoint schema schemas second_microsecond select sensitive separator session_user set show signal "
            + "similar smallint some spatial specific sql sql_big_result sql_calc_found_rows sql_small_result "
            + "sqlexception sqlstate sqlwarning ssl starting stats_auto_recalc stats_persistent stats_sample_pages "
            + "stored straight_join symmetric system_user table tablesample temp temporary terminated then ties "
            + "tinyblob tinyint tinytext to trailing transaction trigger true unbounded undo union unique unlock "
            + "unsigned update usage use user using utc_date utc_time utc_timestamp vacuum values varbinary varchar "
            + "varcharacter variadic varying verbose view virtual when where while window with within without write "
            + "xor year_month zerofill").split(" "));

    private Keywords() {
    }

    static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }
}
