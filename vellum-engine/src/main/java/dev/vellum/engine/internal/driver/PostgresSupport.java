package dev.vellum.engine.internal.driver;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;

import dev.vellum.engine.Url;

/**
 * pgjdbc. Defaults: {@code reWriteBatchedInserts=true} (batched inserts become multi-row {@code VALUES}, the
 * fastest INSERT path) and {@code ApplicationName=vellum}. The libpq spellings {@code application_name} and
 * {@code connect_timeout} are accepted in URLs and passed under pgjdbc's names. {@code timestamptz} reads as
 * {@code OffsetDateTime} in UTC, {@code uuid} as {@code UUID}.
 */
final class PostgresSupport extends DriverSupport {
    @Override
    public String jdbcUrl(Url url) {
        var db = url.database() == null ? "" : url.database();
        return "jdbc:postgresql://" + url.address() + "/" + encodePath(db);
    }

    @Override
    protected void defaults(Url url, Properties props) {
        props.setProperty("reWriteBatchedInserts", "true");
        props.setProperty("ApplicationName", "vellum");
    }

    @Override
    public Properties properties(Url url) {
        var props = super.properties(url);
        rename(props, "application_name", "ApplicationName");
        rename(props, "connect_timeout", "connectTimeout");
        return props;
    }

    private static void rename(Properties props, String libpq, String pgjdbc) {
        String v = (String) props.remove(libpq);
        if (v != null) {
            props.setProperty(pgjdbc, v);
        }
    }

    private static String encodePath(String db) {
        return java.net.URLEncoder.encode(db, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** pgjdbc counts binds in a 16-bit signed field. */
    @Override
    public int multiRowBindLimit() {
        return Short.MAX_VALUE;
    }

    @Override
    protected void bindInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    protected void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    protected void bindArray(PreparedStatement ps, int index, TypedBind.Array value, String sql) throws SQLException {
        ps.setArray(index, ps.getConnection().createArrayOf(value.elementType(), value.elements()));
    }

    @Override
    public ColumnReader reader(ResultSetMetaData md, int column) throws SQLException {
        int type = md.getColumnType(column);
        String name = md.getColumnTypeName(column);
        if (type == Types.ARRAY) {
            return PostgresSupport::readArray;
        }
        if (type == Types.TIMESTAMP && "timestamptz".equals(name)) {
            return (rs, c) -> rs.getObject(c, OffsetDateTime.class);
        }
        if (type == Types.OTHER && !"uuid".equals(name)) {
            return ResultSet::getString; // json, jsonb, interval, inet, enums...: their text form
        }
        return super.reader(md, column);
    }

    private static Object readArray(ResultSet rs, int column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        try {
            return java.util.Arrays.asList((Object[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
