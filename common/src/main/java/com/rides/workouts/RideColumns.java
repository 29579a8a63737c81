package com.rides.workouts;

import com.rides.metrics.RideMetrics;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * The per-ride row that the sample pass emits and every later step reads: the
 * workout's identity, its dimensions, its quarantine reason (null when kept), the
 * section 3 metrics and the counts the run reconciles.
 */
public final class RideColumns {

    /** Section 3 metrics, in contract order. */
    public static final List<String> METRICS = RideMetrics.COLUMNS;

    public static final List<String> COUNTS = List.of("samples_read", "samples_kept", "samples_dropped",
            "samples_valid_power");

    public static final StructType SCHEMA;

    static {
        StructType s = new StructType()
                .add("workout_id", DataTypes.StringType, false)
                .add("day", DataTypes.DateType)
                .add("bucket", DataTypes.IntegerType)
                .add("user_id", DataTypes.StringType)
                .add("class_id", DataTypes.StringType)
                .add("started_at", DataTypes.TimestampType)
                .add("class_title", DataTypes.StringType)
                .add("instructor", DataTypes.StringType)
                .add("username", DataTypes.StringType)
                .add("ftp_w", DataTypes.IntegerType)
                .add("reason", DataTypes.StringType)
                .add("detail", DataTypes.StringType);
        for (String m : METRICS) {
            s = s.add(m, metricType(m));
        }
        for (String c : COUNTS) {
            s = s.add(c, DataTypes.LongType, false);
        }
        for (String f : InvalidFieldCounts.COLUMNS) {
            s = s.add(f, DataTypes.LongType, false);
        }
        SCHEMA = s;
    }

    private RideColumns() {
    }

    static DataType metricType(String metric) {
        return switch (metric) {
            case "duration_s", "max_output_w", "max_heart_rate_bpm" -> DataTypes.IntegerType;
            default -> DataTypes.DoubleType;
        };
    }
}
