package com.rides.results;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.MapType;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Converts a value of a Spark internal row to what the driver binds for a column's CQL
 * type, and estimates its size for the write throttle.
 */
final class CqlValues {

    /** The CQL types a result table uses. */
    enum Kind { UUID, TEXT, INT, BIGINT, DOUBLE, FLOAT, DATE, TIMESTAMP, BOOLEAN, MAP }

    /** A column's CQL type, as the executors need it (the driver's types stay on the driver). */
    record Cql(Kind kind, Cql key, Cql value) implements Serializable {

        static Cql of(DataType t) {
            if (t instanceof MapType m) {
                return new Cql(Kind.MAP, of(m.getKeyType()), of(m.getValueType()));
            }
            Kind k;
            if (t.equals(DataTypes.UUID) || t.equals(DataTypes.TIMEUUID)) {
                k = Kind.UUID;
            } else if (t.equals(DataTypes.TEXT) || t.equals(DataTypes.ASCII)) {
                k = Kind.TEXT;
            } else if (t.equals(DataTypes.INT)) {
                k = Kind.INT;
            } else if (t.equals(DataTypes.BIGINT) || t.equals(DataTypes.COUNTER)) {
                k = Kind.BIGINT;
            } else if (t.equals(DataTypes.DOUBLE)) {
                k = Kind.DOUBLE;
            } else if (t.equals(DataTypes.FLOAT)) {
                k = Kind.FLOAT;
            } else if (t.equals(DataTypes.DATE)) {
                k = Kind.DATE;
            } else if (t.equals(DataTypes.TIMESTAMP)) {
                k = Kind.TIMESTAMP;
            } else if (t.equals(DataTypes.BOOLEAN)) {
                k = Kind.BOOLEAN;
            } else {
                throw new IllegalArgumentException("result tables use no CQL type " + t.asCql(true, true));
            }
            return new Cql(k, null, null);
        }
    }

    private CqlValues() {
    }

    /** Field {@code i} of {@code row} (of Spark type {@code spark}) for a column of type {@code cql}; null stays null. */
    static Object value(SpecializedGetters row, int i, org.apache.spark.sql.types.DataType spark, Cql cql) {
        if (row.isNullAt(i)) {
            return null;
        }
        return switch (cql.kind()) {
            case UUID -> java.util.UUID.fromString(row.getUTF8String(i).toString());
            case TEXT -> row.getUTF8String(i).toString();
            case INT -> Math.toIntExact(integral(row, i, spark));
            case BIGINT -> integral(row, i, spark);
            case DOUBLE -> real(row, i, spark);
            case FLOAT -> (float) real(row, i, spark);
            case DATE -> LocalDate.ofEpochDay(row.getInt(i));
            case TIMESTAMP -> micros(row.getLong(i));
            case BOOLEAN -> row.getBoolean(i);
            case MAP -> map(row.getMap(i), (org.apache.spark.sql.types.MapType) spark, cql);
        };
    }

    /** Bytes the value takes on the wire, roughly: what the throughput throttle counts. */
    static long size(Object v) {
        if (v == null) {
            return 1;
        }
        if (v instanceof String s) {
            return s.length();
        }
        if (v instanceof UUID) {
            return 16;
        }
        if (v instanceof Long || v instanceof Double || v instanceof Instant) {
            return 8;
        }
        if (v instanceof Map<?, ?> m) {
            return 4 + 12L * m.size();
        }
        return 4;
    }

    private static long integral(SpecializedGetters row, int i, org.apache.spark.sql.types.DataType spark) {
        if (spark instanceof IntegerType) {
            return row.getInt(i);
        }
        if (spark instanceof LongType) {
            return row.getLong(i);
        }
        throw new IllegalArgumentException("an integer column cannot take a Spark " + spark.simpleString());
    }

    private static double real(SpecializedGetters row, int i, org.apache.spark.sql.types.DataType spark) {
        if (spark instanceof DoubleType) {
            return row.getDouble(i);
        }
        if (spark instanceof FloatType) {
            return row.getFloat(i);
        }
        return integral(row, i, spark);
    }

    /** Spark's timestamps are microseconds since the epoch; Cassandra keeps milliseconds. */
    private static Instant micros(long us) {
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000L);
    }

    private static Map<Object, Object> map(MapData m, org.apache.spark.sql.types.MapType spark, Cql cql) {
        ArrayData keys = m.keyArray();
        ArrayData values = m.valueArray();
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int j = 0; j < m.numElements(); j++) {
            out.put(value(keys, j, spark.keyType(), cql.key()), value(values, j, spark.valueType(), cql.value()));
        }
        return out;
    }
}
