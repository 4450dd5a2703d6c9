package dev.vellum.dialect.spi;

import java.util.Locale;
import java.util.Set;

/**
 * Words that are reserved in SQL:2016, PostgreSQL, MariaDB or SQLite. An identifier spelled like one is quoted on
 * every dialect, so a schema means the same on all three.
 */
final class Keywords {
    private static final Set<String> RESERVED = Set.of((""
            + "abort action add after all alter always analyze and any array as asc asensitive attach autoincrement "
            + "before begin between bigint binary blob both by call cascade cascaded case cast change char "
            + "character check collate column commit condition conflict constraint continue convert create cross "
            + "current current_date current_role current_time current_timestamp current_user cursor database "
            + "databases day_hour day_microsecond day_minute day_second dec decimal declare default deferrable "
            + "deferred delayed delete desc describe detach deterministic distinct distinctrow div do double drop "
            + "dual each else elseif enclosed end escape escaped except exclude exclusive exists exit explain false "
            + "fetch filter first float float4 float8 following for force foreign from full fulltext function "
            + "generated glob grant group groups having high_priority hour_microsecond hour_minute hour_second if "
            + "ignore ilike immediate in index indexed infile initially inner inout insensitive insert instead int "
            + "int1 int2 int3 int4 int8 integer intersect interval into is isnull iterate join key keys kill "
            + "lateral leading leave left like limit linear lines load localtime localtimestamp lock long longblob "
            + "longtext loop low_priority match materialized mediumblob mediumint mediumtext middleint "
            + "minute_microsecond minute_second mod modifies natural no not nothing notnull no_write_to_binlog "
            + "null nulls numeric of offset on only optimize option optionally or order others out outer outfile "
            + "over overlaps partition placing plan pragma preceding precision primary procedure purge query raise "
            + "range read reads real recursive references regexp reindex release rename repeat replace require "
            + "resignal restrict return returning revoke right rlike row rows savepoint schema schemas "
            + "second_microsecond select sensitive separator session_user set show signal similar smallint some "
            + "spatial specific sql sql_big_result sql_calc_found_rows sql_small_result sqlexception sqlstate "
            + "sqlwarning ssl starting stored straight_join symmetric table temp temporary terminated then ties "
            + "tinyblob tinyint tinytext to trailing transaction trigger true unbounded undo union unique unlock "
            + "unsigned update usage use user using utc_date utc_time utc_timestamp vacuum values varbinary "
            + "varchar varcharacter variadic varying verbose view virtual when where while window with within "
            + "without write xor year_month zerofill").split(" "));

    private Keywords() {
    }

    static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }
}
