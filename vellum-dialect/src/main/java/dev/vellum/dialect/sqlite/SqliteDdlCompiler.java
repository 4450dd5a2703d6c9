package dev.vellum.dialect.sqlite;

import java.util.List;

import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.dialect.spi.DdlCompiler;
import dev.vellum.sql.Column;

/** SQLite's DDL: an autoincrement key is an {@code INTEGER PRIMARY KEY} column (the rowid). */
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
}
