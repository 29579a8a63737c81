package com.rides.raw;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static com.rides.raw.CassandraTables.byKeys;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The dimension rows (classes, riders) of the ids in hand, read by key: a run never reads
 * a dimension table whole.
 */
public final class Dimensions {

    private Dimensions() {
    }

    /** class_id, class_title, instructor, class_known (true) for the known ones among the ids. */
    public static Dataset<Row> classesOf(CassandraTables t, Dataset<Row> classIds) {
        return byKeys(classIds.select("class_id").where(col("class_id").isNotNull()).distinct(), t.raw("classes"),
                "class_id")
                .select(col("class_id"), col("title").as("class_title"), col("instructor"),
                        lit(true).as("class_known"));
    }

    /** user_id, username, ftp_w for the known ones among the ids. */
    public static Dataset<Row> ridersOf(CassandraTables t, Dataset<Row> userIds) {
        return byKeys(userIds.select("user_id").where(col("user_id").isNotNull()).distinct(), t.raw("riders"),
                "user_id")
                .select(col("user_id"), col("username"), col("ftp_w"));
    }
}
