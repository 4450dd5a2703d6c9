package dev.vellum.sql;

/**
 * What a foreign key does when the referenced row is deleted or its key updated.
 *
 * @since 0.1
 */
public enum ReferentialAction {
    /** Refuse (checked at the end of the statement). */
    NO_ACTION("NO ACTION"),
    /** Refuse at once. */
    RESTRICT("RESTRICT"),
    /** Delete or update the referencing rows too. */
    CASCADE("CASCADE"),
    /** Set the referencing columns to NULL. */
    SET_NULL("SET NULL"),
    /** Set the referencing columns to their defaults (not on MariaDB). */
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The SQL words. */
    public String sql() {
        return sql;
    }
}
