package com.rides.tables;

import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * user_milestones: the rides and output milestones of a rider
 * (sql/results/user_milestones.sql), recomputed for each rider the run touches: a late
 * ride that lands before others moves every later N-th ride, and a ride quarantined after
 * the fact can move a milestone or take it away.
 */
final class UserMilestones implements TableDefinition {

    /** The N of the rides_N milestones: the N-th kept ride. */
    static final List<Integer> RIDES = List.of(10, 25, 50, 100, 250, 500, 1000);
    /** The N of the output_kj_N milestones: the ride whose running total output first reaches N kJ. */
    static final List<Integer> OUTPUT_KJ = List.of(1000, 5000, 10000, 50000);

    private static final StructType MILESTONES = new StructType()
            .add("milestone", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("threshold", DataTypes.IntegerType, false);

    @Override
    public void write(RunScope run, Writes out) {
        Dataset<Row> milestones = milestones(run);
        // Every milestone of every rider of the run's rides is covered: one no longer reached is deleted.
        Dataset<Row> covered = run.rides().where(col("user_id").isNotNull()).select("user_id").distinct()
                .crossJoin(milestones.select("milestone"));
        out.replace("user_milestones", covered, run.sql("user_milestones.sql",
                Map.of("rider_rides", RiderRides.ofTouchedRiders(run), "milestones", milestones)));
    }

    /** milestone, kind, threshold of every milestone the contract names. */
    static Dataset<Row> milestones(RunScope run) {
        List<Row> rows = new ArrayList<>();
        RIDES.forEach(n -> rows.add(RowFactory.create("rides_" + n, "rides", n)));
        OUTPUT_KJ.forEach(n -> rows.add(RowFactory.create("output_kj_" + n, "output_kj", n)));
        return run.spark().createDataFrame(rows, MILESTONES);
    }
}
