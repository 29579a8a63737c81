package com.rides.results;

import com.datastax.oss.driver.api.core.type.DataTypes;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the writer binds for each CQL type of the result tables, from Spark's internal values (no Spark). */
class CqlValuesTest {

    private static final String ID = "6f1c2a3e-0000-4000-8000-00000000abcd";

    @Test
    void eachTypeBindsWhatTheDriverExpects() {
        Instant at = Instant.parse("2026-11-20T07:30:00.123Z");
        GenericInternalRow row = new GenericInternalRow(new Object[] {
                UTF8String.fromString(ID), UTF8String.fromString("Tabata"), 42, 7L, 1.5, 2.5f,
                (int) LocalDate.parse("2026-11-20").toEpochDay(), at.toEpochMilli() * 1000L, true,
                new ArrayBasedMapData(new GenericArrayData(new Object[] {5, 4}), new GenericArrayData(new Object[] {3L, 1L})),
                null});
        assertEquals(UUID.fromString(ID), value(row, 0, org.apache.spark.sql.types.DataTypes.StringType, DataTypes.UUID));
        assertEquals("Tabata", value(row, 1, org.apache.spark.sql.types.DataTypes.StringType, DataTypes.TEXT));
        assertEquals(42, value(row, 2, org.apache.spark.sql.types.DataTypes.IntegerType, DataTypes.INT));
        // A Spark count is a long; an int column of the table takes it when it fits.
        assertEquals(7, value(row, 3, org.apache.spark.sql.types.DataTypes.LongType, DataTypes.INT));
        assertEquals(7L, value(row, 3, org.apache.spark.sql.types.DataTypes.LongType, DataTypes.BIGINT));
        assertEquals(42L, value(row, 2, org.apache.spark.sql.types.DataTypes.IntegerType, DataTypes.BIGINT));
        assertEquals(1.5, value(row, 4, org.apache.spark.sql.types.DataTypes.DoubleType, DataTypes.DOUBLE));
        assertEquals(2.5, value(row, 5, org.apache.spark.sql.types.DataTypes.FloatType, DataTypes.DOUBLE));
        assertEquals(LocalDate.parse("2026-11-20"), value(row, 6, org.apache.spark.sql.types.DataTypes.DateType,
                DataTypes.DATE));
        assertEquals(at, value(row, 7, org.apache.spark.sql.types.DataTypes.TimestampType, DataTypes.TIMESTAMP));
        assertEquals(true, value(row, 8, org.apache.spark.sql.types.DataTypes.BooleanType, DataTypes.BOOLEAN));
        assertEquals(Map.of(5, 3L, 4, 1L), value(row, 9, org.apache.spark.sql.types.DataTypes.createMapType(
                org.apache.spark.sql.types.DataTypes.IntegerType, org.apache.spark.sql.types.DataTypes.LongType),
                DataTypes.mapOf(DataTypes.INT, DataTypes.BIGINT)));
        assertNull(value(row, 10, org.apache.spark.sql.types.DataTypes.DoubleType, DataTypes.DOUBLE));
    }

    @Test
    void aTypeNoResultTableUsesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CqlValues.Cql.of(DataTypes.BLOB));
    }

    @Test
    void anIntColumnRefusesALongThatDoesNotFit() {
        GenericInternalRow row = new GenericInternalRow(new Object[] {1L << 40});
        assertThrows(ArithmeticException.class,
                () -> value(row, 0, org.apache.spark.sql.types.DataTypes.LongType, DataTypes.INT));
    }

    private static Object value(GenericInternalRow row, int i, org.apache.spark.sql.types.DataType spark,
                                com.datastax.oss.driver.api.core.type.DataType cql) {
        return CqlValues.value(row, i, spark, CqlValues.Cql.of(cql));
    }
}
