package dev.vellum.dialect.mariadb;

import dev.vellum.dialect.spi.BaseDialect;
import dev.vellum.dialect.spi.DdlCompiler;
import dev.vellum.sql.Column;
import dev.vellum.sql.ReferentialAction;
import dev.vellum.sql.ast.DropIndex;

/** MariaDB's DDL: {@code AUTO_INCREMENT}, native enums, {@code DROP INDEX ... ON table}. */
final class MariaDbDdlCompiler extends DdlCompiler {
    MariaDbDdlCompiler(BaseDialect dialect) {
        super(dialect);
    }

    @Override
    protected String autoincrement(Column<?> c) {
        return " AUTO_INCREMENT";
    }

    @Override
    protected boolean nativeEnums() {
        return true;
    }

    @Override
    protected String action(ReferentialAction action) {
        if (action == ReferentialAction.SET_DEFAULT) {
            throw notSupported("ON DELETE/UPDATE SET DEFAULT");
        }
        return super.action(action);
    }

    @Override
    public String dropIndex(DropIndex drop) {
        return "DROP INDEX " + (drop.ifExists() ? "IF EXISTS " : "") + dialect.quote(drop.index().name()) + " ON "
                + table(drop.index().table());
    }
}
