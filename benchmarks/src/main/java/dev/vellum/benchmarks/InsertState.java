package dev.vellum.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the insert benchmarks share: the 10,000 rows (built once, outside measurements, as {@link User} records for
 * raw JDBC and as {@code Object[]} for {@code executeMany}), the empty target table, and the raw loops.
 *
 * <p>Protocol: every measured call inserts the 10,000 rows on a pooled connection and commits; before every call
 * ({@code Level.Invocation}, not measured) the table is emptied by TRUNCATE (DELETE on SQLite) on a separate
 * autocommit connection, so each call inserts into an empty table with ids 1..10,000.
 */
abstract class InsertState {
    static final String SQL = "INSERT INTO " + Fixture.INSERTS + " (id, name, email, age) VALUES (?, ?, ?, ?)";
    static final int CHUNK = 1_000;
    static final String MULTI_SQL = multiValues(CHUNK);

    final User[] users = new User[Fixture.ROWS];
    final List<Object[]> rows = new ArrayList<>(Fixture.ROWS);
    Fixture fixture;
    Connection admin;

    private static String multiValues(int n) {
        var sql = new StringBuilder("INSERT INTO " + Fixture.INSERTS + " (id, name, email, age) VALUES ");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?)");
        }
        return sql.toString();
    }

    void open(String db) throws SQLException {
        fixture = Fixture.open(db);
        admin = fixture.admin();
        fixture.createTable(admin, Fixture.INSERTS);
        for (int i = 1; i <= Fixture.ROWS; i++) {
            User u = User.of(i);
            users[i - 1] = u;
            rows.add(new Object[] {u.id(), u.name(), u.email(), u.age()});
        }
    }

    void empty() throws SQLException {
        fixture.empty(admin, Fixture.INSERTS);
    }

    /** Fails the run when the last call did not leave exactly the 10,000 rows. */
    void check() throws SQLException {
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + Fixture.INSERTS)) {
            rs.next();
            if (rs.getLong(1) != Fixture.ROWS) {
                throw new IllegalStateException("expected " + Fixture.ROWS + " rows, found " + rs.getLong(1));
            }
        }
    }

    /** {@code addBatch} per row, one {@code executeBatch}, commit. */
    void batch(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            for (User u : users) {
                ps.setInt(1, u.id());
                ps.setString(2, u.name());
                ps.setString(3, u.email());
                ps.setInt(4, u.age());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
    }

    /** A hand-built {@value #CHUNK}-row {@code INSERT ... VALUES (?,?,?,?), ...}, run once per chunk, commit. */
    void multiValues(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MULTI_SQL)) {
            for (int start = 0; start < users.length; start += CHUNK) {
                int p = 1;
                for (int i = start; i < start + CHUNK; i++) {
                    User u = users[i];
                    ps.setInt(p++, u.id());
                    ps.setString(p++, u.name());
                    ps.setString(p++, u.email());
                    ps.setInt(p++, u.age());
                }
                ps.executeUpdate();
            }
        }
        c.commit();
    }
}
