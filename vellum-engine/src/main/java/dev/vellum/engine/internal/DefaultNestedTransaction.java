package dev.vellum.engine.internal;

import java.sql.Savepoint;

import dev.vellum.engine.NestedTransaction;
import dev.vellum.error.InterfaceException;

/** A JDBC savepoint with try-with-resources semantics: rolled back on close unless committed. */
final class DefaultNestedTransaction implements NestedTransaction {
    private final DefaultConnection connection;
    private final Savepoint savepoint;
    private boolean active = true;

    DefaultNestedTransaction(DefaultConnection connection, Savepoint savepoint) {
        this.connection = connection;
        this.savepoint = savepoint;
    }

    @Override
    public void commit() {
        ensureActive("commit");
        active = false;
        connection.releaseSavepoint(savepoint);
    }

    @Override
    public void rollback() {
        ensureActive("roll back");
        active = false;
        connection.rollbackToSavepoint(savepoint);
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void close() {
        if (active && !connection.isClosed()) {
            rollback();
        }
        active = false;
    }

    private void ensureActive(String action) {
        if (!active) {
            throw new InterfaceException("cannot " + action + " a savepoint that was already committed or rolled back");
        }
    }
}
