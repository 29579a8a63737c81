package com.rides.raw;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The (day, bucket) partition keys of the days a run processes: the only raw
 * partitions of workouts and ratings that nightly reads.
 */
public final class DayPartitions {

    public static final StructType SCHEMA = new StructType()
            .add("day", DataTypes.DateType, false)
            .add("bucket", DataTypes.IntegerType, false);

    private DayPartitions() {
    }

    public static Dataset<Row> of(SparkSession spark, Collection<LocalDate> days, int buckets) {
        List<Row> rows = new ArrayList<>();
        for (LocalDate d : days) {
            for (int b = 0; b < buckets; b++) {
                rows.add(RowFactory.create(Date.valueOf(d), b));
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    public static Dataset<Row> daysOnly(SparkSession spark, Collection<LocalDate> days) {
        List<Row> rows = new ArrayList<>();
        for (LocalDate d : days) {
            rows.add(RowFactory.create(Date.valueOf(d)));
        }
        return spark.createDataFrame(rows, new StructType().add("day", DataTypes.DateType, false));
    }
}
