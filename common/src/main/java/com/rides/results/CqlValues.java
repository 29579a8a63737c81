package com.rides.results;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Converts a Spark row value to what the driver binds for a column's CQL type. */
final class CqlValues {

    private CqlValues() {
    }

    static Object convert(Object v, DataType type) {
        if (v == null) {
            return null;
        }
        if (type.equals(DataTypes.UUID) || type.equals(DataTypes.TIMEUUID)) {
            return v instanceof UUID ? v : UUID.fromString(v.toString());
        }
        if (type.equals(DataTypes.DATE)) {
            return v instanceof Date d ? d.toLocalDate() : (LocalDate) v;
        }
        if (type.equals(DataTypes.TIMESTAMP)) {
            return v instanceof Timestamp t ? t.toInstant() : (Instant) v;
        }
        if (type.equals(DataTypes.INT)) {
            return ((Number) v).intValue();
        }
        if (type.equals(DataTypes.BIGINT)) {
            return ((Number) v).longValue();
        }
        if (type.equals(DataTypes.DOUBLE)) {
            return ((Number) v).doubleValue();
        }
        if (type.equals(DataTypes.FLOAT)) {
            return ((Number) v).floatValue();
        }
        return v;
    }
}
