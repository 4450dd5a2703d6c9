package dev.vellum.engine.internal.driver;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as its normalised Java value; chosen once per result, per column. */
@FunctionalInterface
public interface ColumnReader {
    /** The value of 1-based {@code column} in the current row of {@code rs}. */
    Object read(ResultSet rs, int column) throws SQLException;
}
