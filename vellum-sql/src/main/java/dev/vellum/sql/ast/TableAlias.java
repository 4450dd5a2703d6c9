package dev.vellum.sql.ast;

import dev.vellum.sql.Column;
import dev.vellum.sql.Table;

/**
 * A table under another name, for self-joins: {@code var boss = EMPLOYEES.as("boss");
 * boss.get(EMPLOYEES.name)}.
 *
 * @param table the table
 * @param alias the name it goes by in the query
 * @since 0.1
 */
public record TableAlias(Table table, String alias) implements FromItem {
    /** Checks the parts. */
    public TableAlias {
        Nodes.notNull(table, "the aliased table");
        Nodes.identifier(alias, "a table alias");
    }

    /** {@code alias.column}: one of the table's columns, reached through this alias. */
    public <T> Expression<T> get(Column<T> column) {
        Nodes.notNull(column, "the column");
        if (column.table() != table) {
            throw new dev.vellum.error.InterfaceException("column " + column.name() + " belongs to "
                    + column.table().name() + ", not to " + table.name() + " (aliased as " + alias + ")");
        }
        return new Expression.QualifiedColumn<>(alias, column.name(), column.type());
    }
}
