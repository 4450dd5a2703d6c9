package dev.vellum.dialect;

import static dev.vellum.dialect.Asserts.MARIADB;
import static dev.vellum.dialect.Asserts.assertAll;
import static dev.vellum.dialect.Asserts.assertSql;
import static dev.vellum.dialect.Schema.USERS;
import static dev.vellum.sql.Sql.count;
import static dev.vellum.sql.Sql.denseRank;
import static dev.vellum.sql.Sql.rank;
import static dev.vellum.sql.Sql.rowNumber;
import static dev.vellum.sql.Sql.select;
import static dev.vellum.sql.Sql.sum;
import static dev.vellum.sql.ast.Frame.Bound.CURRENT_ROW;
import static dev.vellum.sql.ast.Frame.Bound.UNBOUNDED_FOLLOWING;
import static dev.vellum.sql.ast.Frame.Bound.UNBOUNDED_PRECEDING;
import static dev.vellum.sql.ast.Frame.Bound.following;
import static dev.vellum.sql.ast.Frame.Bound.preceding;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vellum.error.InterfaceException;
import org.junit.jupiter.api.Test;

/** Window functions: {@code OVER (PARTITION BY ... ORDER BY ... frame)}. */
class WindowCompileTest {
    @Test
    void anEmptyWindow() {
        assertAll(select(USERS.id, count().over().as("total")), "SELECT users.id, count(*) OVER () AS total FROM users",
                List.of());
    }

    @Test
    void partitionAndOrder() {
        var rn = rowNumber().over().partitionBy(USERS.name).orderBy(USERS.age.desc());
        assertAll(select(USERS.id, rn.as("rn")), "SELECT users.id, row_number() OVER (PARTITION BY users.name"
                + " ORDER BY users.age DESC) AS rn FROM users", List.of());
        assertAll(select(USERS.id, rank().over(List.of(USERS.name, USERS.email), List.of(USERS.id.asc()))),
                "SELECT users.id, rank() OVER (PARTITION BY users.name, users.email ORDER BY users.id ASC) FROM users",
                List.of());
        assertAll(select(USERS.id, denseRank().over().orderBy(USERS.age.asc(), USERS.id.desc())),
                "SELECT users.id, dense_rank() OVER (ORDER BY users.age ASC, users.id DESC) FROM users", List.of());
    }

    @Test
    void aWindowAloneStillSelectsFromItsTable() {
        assertAll(select(rank().over().orderBy(USERS.age.asc())), "SELECT rank() OVER (ORDER BY users.age ASC) FROM"
                + " users", List.of());
        assertAll(select(count().over().partitionBy(USERS.name)), "SELECT count(*) OVER (PARTITION BY users.name)"
                + " FROM users", List.of());
    }

    @Test
    void frames() {
        var running = sum(USERS.age).over().orderBy(USERS.id.asc()).rows(UNBOUNDED_PRECEDING, CURRENT_ROW);
        assertAll(select(running), "SELECT sum(users.age) OVER (ORDER BY users.id ASC ROWS BETWEEN UNBOUNDED PRECEDING"
                + " AND CURRENT ROW) FROM users", List.of());
        var around = sum(USERS.age).over().partitionBy(USERS.name).orderBy(USERS.age.asc())
                .range(preceding(2), following(3));
        assertAll(select(around), "SELECT sum(users.age) OVER (PARTITION BY users.name ORDER BY users.age ASC RANGE"
                + " BETWEEN 2 PRECEDING AND 3 FOLLOWING) FROM users", List.of());
        var frameOnly = count().over().rows(CURRENT_ROW, UNBOUNDED_FOLLOWING);
        assertAll(select(USERS.id, frameOnly), "SELECT users.id, count(*) OVER (ROWS BETWEEN CURRENT ROW AND"
                + " UNBOUNDED FOLLOWING) FROM users", List.of());
        assertThatThrownBy(() -> preceding(-1)).isInstanceOf(InterfaceException.class);
    }

    @Test
    void bindsInsideAWindow() {
        var w = sum(USERS.age.plus(1)).over().partitionBy(USERS.age.dividedBy(10)).orderBy(USERS.age.minus(2).asc());
        assertSql(select(w).where(USERS.id.gt(3L)), "SELECT sum((users.age + ?)) OVER (PARTITION BY (users.age / ?)"
                + " ORDER BY (users.age - ?) ASC) FROM users WHERE users.id > ?", "SELECT sum((users.age + ?)) OVER"
                + " (PARTITION BY (users.age DIV ?) ORDER BY (users.age - ?) ASC) FROM users WHERE users.id > ?",
                List.of(1, 10, 2, 3L));
    }

    @Test
    void nullsOrderInsideAWindowOnMariaDb() {
        var w = rowNumber().over().orderBy(USERS.age.asc().nullsLast());
        assertSql(select(w), "SELECT row_number() OVER (ORDER BY users.age ASC NULLS LAST) FROM users",
                "SELECT row_number() OVER (ORDER BY users.age IS NULL ASC, users.age ASC) FROM users", List.of());
        assertSql(select(w), MARIADB, "SELECT row_number() OVER (ORDER BY users.age IS NULL ASC, users.age ASC) FROM"
                + " users", List.of());
    }
}
