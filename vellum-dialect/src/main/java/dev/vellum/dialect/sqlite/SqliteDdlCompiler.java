package dev.vellum.dialect.sqlite;

import java.util.List;

import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.dialect.spi.DdlCompiler;
import dev.vellum.sql.Column;
import dev.vellum.sql.Index;
import dev.vellum.sql.ast.CreateIndex;

/**
 * SQLite's DDL: an autoincrement key is an {@code INTEGER PRIMARY KEY} column (the rowid); an index names its
 * schema on the index.
 */
final class SqliteDdlCompiler extends DdlCompiler {
    SqliteDdlCompiler(BaseDialect dialect) {
        super(dialect);
    }

    @Override
    protected boolean inlinePrimaryKey(Column<?> column, List<Column<?>> key) {
        if (column.isAutoincrement() && !(key.size() == 1 && key.getFirst().equals(column))) {
            throw notSupported("an autoincrement column (" + column + ") that is not the whole primary key");
        }
        return column.isAutoincrement();
    }

    @Override
    protected String columnType(Column<?> c) {
        return c.isAutoincrement() ? "INTEGER" : super.columnType(c);
    }

    @Override
    protected String autoincrement(Column<?> c) {
        return "";
    }

    @Override
    public String createIndex(CreateIndex create) {
        // SQLite names the schema (an attached database) on the index, never on its table
        Index i = create.index();
        String schema = i.table().schema() == null ? "" : dialect.quote(i.table().schema()) + ".";
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + (create.ifNotExists() ? "IF NOT EXISTS " : "")
                + schema + dialect.quote(i.name()) + " ON " + dialect.quote(i.table().name()) + " ("
                + names(i.columns()) + ")";
    }
}
