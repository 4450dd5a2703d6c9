package dev.vellum.orm.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vellum.engine.Connection;
import dev.vellum.sql.Column;
import dev.vellum.sql.Sql;

/**
 * The join-table step of a flush: each many-to-many collection (on either side) compared with its contents at the
 * last load or flush, the missing link rows inserted and the dropped ones deleted.
 */
final class Links {
    private final DefaultSession session;

    Links(DefaultSession session) {
        this.session = session;
    }

    private Connection conn() {
        return session.connection();
    }

    private List<Entry> entries() {
        return session.entries();
    }

    void run() {
        Map<RelationMapping, Set<List<Object>>> adds = new LinkedHashMap<>();
        Map<RelationMapping, Set<List<Object>>> removes = new LinkedHashMap<>();
        for (Entry e : session.entries()) {
            if (e.state != Entry.State.PERSISTENT) {
                continue;
            }
            for (RelationMapping r : e.type.relations) {
                if (r.kind != RelationMapping.Kind.MANY_TO_MANY) {
                    continue;
                }
                Collection<Object> items = Sync.rawItems(r, e.entity);
                List<Object> before = e.collection(r);
                if (items == null || before == null) {
                    continue;
                }
                RelationMapping owning = r.ownsJoinTable() ? r : r.partner;
                for (Object item : items) {
                    if (!Sync.containsSame(before, item)) {
                        pair(adds, owning, r, e, item);
                    }
                }
                for (Object old : before) {
                    if (!Sync.containsSame(items, old)) {
                        pair(removes, owning, r, e, old);
                    }
                }
                e.remember(r, List.copyOf(items));
            }
        }
        for (var rm : removes.entrySet()) {
            RelationMapping owning = rm.getKey();
            for (List<Object> link : rm.getValue()) {
                conn().execute(Sql.delete(owning.joinTable).where(Sql.and(
                        Conditions.keyEquals(owning.joinOwner, link.get(0)),
                        Conditions.keyEquals(owning.joinTarget, link.get(1))))).close();
            }
        }
        for (var add : adds.entrySet()) {
            RelationMapping owning = add.getKey();
            var maps = new ArrayList<Map<Column<?>, Object>>();
            for (List<Object> link : add.getValue()) {
                var map = new LinkedHashMap<Column<?>, Object>();
                putKey(map, owning.joinOwner, link.get(0));
                putKey(map, owning.joinTarget, link.get(1));
                maps.add(map);
            }
            conn().execute(Sql.insert(owning.joinTable), maps).close();
        }
    }

    private void pair(Map<RelationMapping, Set<List<Object>>> into, RelationMapping owning, RelationMapping side,
                      Entry e, Object other) {
        Entry oe = session.entryOf(other);
        if (oe == null || oe.state != Entry.State.PERSISTENT) {
            return;
        }
        List<Object> link = side == owning ? List.of(e.id(), oe.id()) : List.of(oe.id(), e.id());
        into.computeIfAbsent(owning, k -> new LinkedHashSet<>()).add(link);
    }

    private static void putKey(Map<Column<?>, Object> map, List<Column<?>> columns, Object key) {
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), EntityType.part(key, i));
        }
    }
}
