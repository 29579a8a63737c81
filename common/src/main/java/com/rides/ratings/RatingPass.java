package com.rides.ratings;

import com.rides.validation.RatingQuarantineReason;
import com.rides.validation.RatingValidator;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Validates raw ratings against the contract's rules (section 2) and tags each
 * with its quarantine reason (null when it counts) and its quarantine id.
 */
public final class RatingPass {

    public static final StructType SCHEMA = new StructType()
            .add("day", DataTypes.DateType)
            .add("bucket", DataTypes.IntegerType)
            .add("user_id", DataTypes.StringType)
            .add("class_id", DataTypes.StringType)
            .add("workout_id", DataTypes.StringType)
            .add("rating", DataTypes.IntegerType)
            .add("difficulty", DataTypes.IntegerType)
            .add("rated_at", DataTypes.TimestampType)
            .add("quarantine_id", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("detail", DataTypes.StringType);

    private RatingPass() {
    }

    /** @param ratings raw ratings with a nullable boolean column class_known */
    public static Dataset<Row> validate(Dataset<Row> ratings) {
        return ratings.map((MapFunction<Row, Row>) RatingPass::tag, Encoders.row(SCHEMA));
    }

    private static Row tag(Row r) {
        Integer rating = r.isNullAt(r.fieldIndex("rating")) ? null : r.getInt(r.fieldIndex("rating"));
        Integer difficulty = r.isNullAt(r.fieldIndex("difficulty")) ? null : r.getInt(r.fieldIndex("difficulty"));
        boolean classKnown = !r.isNullAt(r.fieldIndex("class_known"));
        RatingQuarantineReason reason = RatingValidator.reason(classKnown, rating, difficulty);
        String id = r.getAs("bucket") + ":" + r.getAs("user_id") + ":" + r.getAs("class_id");
        String detail = reason == null ? null : switch (reason) {
            case UNKNOWN_CLASS -> "class_id " + r.getAs("class_id") + " is not in classes";
            case INVALID_RATING -> "rating " + rating + " is not in 1..5";
            case INVALID_DIFFICULTY -> "difficulty " + difficulty + " is not in 1..10";
        };
        return RowFactory.create(r.getAs("day"), r.getAs("bucket"), r.getAs("user_id"), r.getAs("class_id"),
                r.getAs("workout_id"), rating, difficulty, r.getAs("rated_at"), id,
                reason == null ? null : reason.code(), detail);
    }
}
