package dev.vellum.sql.ast;

import dev.vellum.sql.Table;

/**
 * Something a query selects from: a table, an aliased table, a join, a derived table (subquery) or a CTE.
 * {@code USERS.join(POSTS, POSTS.authorId.eq(USERS.id))} builds a {@link Join}. Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface FromItem permits Table, TableAlias, Join, DerivedTable, Cte {
    /** {@code this JOIN right ON on}. */
    default Join join(FromItem right, Condition on) {
        return new Join(this, right, Join.Kind.INNER, on);
    }

    /** {@code this LEFT JOIN right ON on}. */
    default Join leftJoin(FromItem right, Condition on) {
        return new Join(this, right, Join.Kind.LEFT, on);
    }

    /** {@code this RIGHT JOIN right ON on} (SQLite 3.39 or later). */
    default Join rightJoin(FromItem right, Condition on) {
        return new Join(this, right, Join.Kind.RIGHT, on);
    }

    /** {@code this FULL JOIN right ON on} (not on MariaDB). */
    default Join fullJoin(FromItem right, Condition on) {
        return new Join(this, right, Join.Kind.FULL, on);
    }
}
