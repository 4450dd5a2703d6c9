package dev.vellum.orm.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import dev.vellum.engine.Result;
import dev.vellum.engine.Row;
import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;
import dev.vellum.sql.Table;
import dev.vellum.sql.ast.Condition;
import dev.vellum.sql.ast.Delete;
import dev.vellum.sql.ast.Expression;
import dev.vellum.sql.ast.FromItem;
import dev.vellum.sql.ast.Select;
import dev.vellum.sql.ast.Statement;
import dev.vellum.sql.ast.Update;

/**
 * Bulk {@code UPDATE} and {@code DELETE} through a session, kept consistent with it (SQLAlchemy's
 * {@code synchronize_session="fetch"}): when the session holds objects of the statement's table, the keys the
 * statement matches are read first; after it runs, those objects are re-read (update) or detached (delete, which also
 * takes them out of the loaded collections holding them).
 */
final class BulkSync {
    private BulkSync() {
    }

    static Result execute(DefaultSession session, Statement statement) {
        Table table;
        Condition where;
        List<FromItem> from = List.of();
        if (statement instanceof Update u) {
            table = u.table();
            where = u.where();
            from = u.from();
        } else {
            Delete d = (Delete) statement;
            table = d.table();
            where = d.where();
        }
        EntityType<?> root = rootOf(session, table);
        if (root == null || session.entries().stream().noneMatch(e -> e.type.root == root)) {
            return session.connection().execute(statement);
        }
        List<Column<?>> key = Loader.idColumns(root);
        var items = new ArrayList<FromItem>();
        items.add(table);
        items.addAll(from);
        Select select = Sql.select(key.toArray(Expression<?>[]::new)).from(items.toArray(FromItem[]::new));
        if (where != null) {
            select = select.where(where);
        }
        var touched = new ArrayList<Entry>();
        try (Result rows = session.connection().execute(select)) {
            for (Row row : rows) {
                Object id;
                if (key.size() == 1) {
                    id = row.get(0);
                } else {
                    var parts = new Object[key.size()];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = row.get(i);
                    }
                    id = List.of(parts);
                }
                Entry e = session.entry(new EntityKey(root, id));
                if (e != null) {
                    touched.add(e);
                }
            }
        }
        Result result = session.connection().execute(statement);
        Set<Object> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Entry e : touched) {
            if (statement instanceof Delete) {
                session.forget(e);
                gone.add(e.entity);
            } else {
                session.loader().refresh(e);
            }
        }
        Deletes.unlink(session, gone);
        return result;
    }

    private static EntityType<?> rootOf(DefaultSession session, Table table) {
        for (Class<?> c : session.orm().entities()) {
            EntityType<?> t = Mappings.entity(c);
            if (t.root.table == table) {
                return t.root;
            }
        }
        return null;
    }
}
