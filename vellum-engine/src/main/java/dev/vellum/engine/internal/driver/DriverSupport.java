package dev.vellum.engine.internal.driver;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Properties;
import java.util.UUID;

import dev.vellum.engine.Backend;
import dev.vellum.engine.Url;
import dev.vellum.error.DatabaseException;
import dev.vellum.error.ProgrammingException;

/**
 * The per-driver knowledge the engine needs: how to build the JDBC URL and properties from a {@link Url}, how to
 * bind each supported Java type, and how to read each column type back as the normalised value {@link
 * dev.vellum.engine.Row} documents. The base class holds what the drivers share; subclasses override the rest.
 *
 * <p>Instances are stateless singletons, thread-safe.
 */
public abstract class DriverSupport {
    private static final DriverSupport SQLITE = new SqliteSupport();
    private static final DriverSupport POSTGRESQL = new PostgresSupport();
    private static final DriverSupport MARIADB = new MariaDbSupport();

    /** The support for a backend. */
    public static DriverSupport of(Backend backend) {
        return switch (backend) {
            case SQLITE -> SQLITE;
            case POSTGRESQL -> POSTGRESQL;
            case MARIADB -> MARIADB;
        };
    }

    /** The JDBC URL for {@code url}, without credentials or options (those go in {@link #properties(Url)}). */
    public abstract String jdbcUrl(Url url);

    /** Vellum's defaults for this driver, then the URL's query options (which win), then the credentials. */
    public Properties properties(Url url) {
        var props = new Properties();
        defaults(url, props);
        url.query().forEach(props::setProperty);
        if (url.username() != null) {
            props.setProperty("user", url.username());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        return props;
    }

    /** Adds this driver's default properties. */
    protected abstract void defaults(Url url, Properties props);

    /** Makes the connection's following transactions read-only, or writable again. */
    public void setReadOnly(Connection jdbc, boolean readOnly) throws SQLException {
        jdbc.setReadOnly(readOnly);
    }

    /**
     * How many binds one statement may carry when {@code executeMany} turns a single-row insert into multi-row
     * {@code VALUES} itself; 0 when the driver's own batching is faster (MariaDB's bulk protocol).
     */
    public int multiRowBindLimit() {
        return 0;
    }

    /** How many rows one multi-row {@code VALUES} statement carries at most (measured best per backend). */
    public int multiRowChunk() {
        return 1_000;
    }

    /**
     * True when the driver's batch protocol takes no {@code INSERT} but {@code INSERT ... VALUES} (MariaDB's bulk
     * protocol refuses {@code INSERT ... SELECT} with error 1295).
     */
    public boolean batchesOnlyInsertValues() {
        return false;
    }

    /** True when DECIMAL columns hold exact decimals (SQLite stores them as floating point or integers). */
    public boolean exactDecimals() {
        return true;
    }

    /** True when a backslash escapes a quote inside a {@code '...'} literal by default. */
    public boolean backslashEscapes() {
        return false;
    }

    // --- binding

    /**
     * Binds one value at 1-based {@code index}.
     *
     * @throws ProgrammingException when the value's type has no SQL mapping, before anything is sent
     */
    public final void bind(PreparedStatement ps, int index, Object value, String sql) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case String s -> ps.setString(index, s);
            case Long l -> ps.setLong(index, l);
            case Integer i -> ps.setInt(index, i);
            case Short s -> ps.setShort(index, s);
            case Byte b -> ps.setByte(index, b);
            case Double d -> ps.setDouble(index, d);
            case Float f -> ps.setFloat(index, f);
            case BigDecimal d -> bindDecimal(ps, index, d);
            case BigInteger i -> bindDecimal(ps, index, new BigDecimal(i));
            case Boolean b -> bindBoolean(ps, index, b);
            case byte[] bytes -> ps.setBytes(index, bytes);
            case Character c -> ps.setString(index, c.toString());
            case LocalDate d -> bindDate(ps, index, d);
            case LocalTime t -> bindTime(ps, index, t);
            case LocalDateTime t -> bindTimestamp(ps, index, t);
            case Instant t -> bindInstant(ps, index, t);
            case OffsetDateTime t -> bindInstant(ps, index, t.toInstant());
            case ZonedDateTime t -> bindInstant(ps, index, t.toInstant());
            case UUID u -> bindUuid(ps, index, u);
            case Enum<?> e -> ps.setString(index, e.name());
            case TypedBind.Null n -> ps.setNull(index, n.jdbcType());
            case TypedBind.Other o -> ps.setObject(index, o.value(), o.jdbcType());
            case TypedBind.Array a -> bindArray(ps, index, a, sql);
            default -> throw new ProgrammingException("cannot bind a value of type " + value.getClass().getName()
                    + " (parameter " + index + "): bind numbers, text, byte[], Boolean, java.time values, UUID "
                    + "or enums", DatabaseException.Detail.of(sql), null);
        }
    }

    /** Binds an array; only PostgreSQL has them. */
    protected void bindArray(PreparedStatement ps, int index, TypedBind.Array value, String sql) throws SQLException {
        throw new dev.vellum.error.NotSupportedException("arrays are PostgreSQL's; this database has none"
                + " (parameter " + index + ")", DatabaseException.Detail.of(sql), null);
    }

    protected void bindDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        ps.setBigDecimal(index, value);
    }

    protected void bindBoolean(PreparedStatement ps, int index, boolean value) throws SQLException {
        ps.setBoolean(index, value);
    }

    protected void bindDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        ps.setObject(index, value);
    }

    protected void bindTime(PreparedStatement ps, int index, LocalTime value) throws SQLException {
        ps.setObject(index, value);
    }

    protected void bindTimestamp(PreparedStatement ps, int index, LocalDateTime value) throws SQLException {
        ps.setObject(index, value);
    }

    /** Instants (and offset or zoned date-times) are stored as UTC; only PostgreSQL keeps the type. */
    protected void bindInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        bindTimestamp(ps, index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    protected void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        ps.setString(index, value.toString());
    }

    // --- reading

    /** The reader for 1-based {@code column}, chosen from its JDBC type and type name. */
    public ColumnReader reader(ResultSetMetaData md, int column) throws SQLException {
        return switch (md.getColumnType(column)) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> DriverSupport::readLong;
            case Types.BIGINT -> md.isSigned(column) ? DriverSupport::readLong : DriverSupport::readUnsignedBigint;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> DriverSupport::readDouble;
            case Types.NUMERIC, Types.DECIMAL -> ResultSet::getBigDecimal;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> ResultSet::getString;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ResultSet::getBytes;
            case Types.BOOLEAN, Types.BIT -> DriverSupport::readBoolean;
            case Types.DATE -> (rs, c) -> rs.getObject(c, LocalDate.class);
            case Types.TIME -> (rs, c) -> rs.getObject(c, LocalTime.class);
            case Types.TIMESTAMP -> (rs, c) -> rs.getObject(c, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> (rs, c) -> rs.getObject(c, OffsetDateTime.class);
            default -> ResultSet::getObject;
        };
    }

    static Object readLong(ResultSet rs, int c) throws SQLException {
        long v = rs.getLong(c);
        return v == 0 && rs.wasNull() ? null : v;
    }

    static Object readUnsignedBigint(ResultSet rs, int c) throws SQLException {
        BigDecimal v = rs.getBigDecimal(c);
        if (v == null) {
            return null;
        }
        BigInteger i = v.toBigIntegerExact();
        return i.bitLength() < Long.SIZE ? (Object) i.longValue() : i;
    }

    static Object readDouble(ResultSet rs, int c) throws SQLException {
        double v = rs.getDouble(c);
        return v == 0 && rs.wasNull() ? null : v;
    }

    static Object readBoolean(ResultSet rs, int c) throws SQLException {
        boolean v = rs.getBoolean(c);
        return !v && rs.wasNull() ? null : v;
    }
}
