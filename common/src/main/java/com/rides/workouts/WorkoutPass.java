package com.rides.workouts;

import com.rides.metrics.RideMetrics;
import com.rides.metrics.RideMetricsAccumulator;
import com.rides.metrics.TrainingLoad;
import com.rides.validation.SampleField;
import com.rides.validation.WorkoutQuarantineReason;
import com.rides.validation.WorkoutValidator;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The one pass over raw samples, in two steps. {@link #tallies}: its input is each ride's
 * id followed by its samples in offset order (a left-outer key join: a Cassandra partition
 * is never split, so a ride's samples arrive together and sorted), folded into one row of
 * {@link #TALLY} per ride as the samples stream by, so only per-ride summaries ever reach
 * a shuffle. Only the id travels with the samples, as in the benchmark's floor read: every
 * column of the workout row would be copied into every sample row and converted with it
 * (profiled: that was most of nightly's cost per sample above the floor's). {@link #rides}
 * then meets each tally with its workout row, rider and class, one row per ride: the
 * quarantine verdict, the FTP-based figures, the row of {@link RideColumns}.
 */
public final class WorkoutPass {

    /** One ride's figures before its rider is known: the metrics without IF and TSS, and the counts. */
    public static final StructType TALLY;

    static {
        StructType t = new StructType().add("workout_id", DataTypes.StringType, false);
        for (StructField f : RideColumns.SCHEMA.fields()) {
            if (RideColumns.METRICS.contains(f.name()) || RideColumns.COUNTS.contains(f.name())
                    || InvalidFieldCounts.COLUMNS.contains(f.name())) {
                t = t.add(f);
            }
        }
        TALLY = t;
    }

    private WorkoutPass() {
    }

    /**
     * @param samples each ride's workout_id left-outer joined with its samples
     * @param rowsIn  counts every input row, independently of the per-ride tallies, so
     *                the run can check that each row was accounted for
     */
    public static Dataset<Row> tallies(Dataset<Row> samples, LongAccumulator rowsIn) {
        return samples.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new RideStream(rows, rowsIn),
                Encoders.row(TALLY));
    }

    /**
     * @param workouts workouts enriched with class_title, instructor, class_known, username
     *                 and ftp_w, joined with their tallies
     */
    public static Dataset<Row> rides(Dataset<Row> workouts) {
        return workouts.map((MapFunction<Row, Row>) WorkoutPass::ride, Encoders.row(RideColumns.SCHEMA));
    }

    private static Row ride(Row w) {
        String userId = w.getAs("user_id");
        boolean classKnown = !w.isNullAt(w.fieldIndex("class_known"));
        long kept = w.getLong(w.fieldIndex("samples_kept"));
        long validPower = w.getLong(w.fieldIndex("samples_valid_power"));
        long read = w.getLong(w.fieldIndex("samples_read"));
        WorkoutQuarantineReason reason = WorkoutValidator.reason(userId != null, classKnown, kept, validPower);
        Integer ftp = w.isNullAt(w.fieldIndex("ftp_w")) ? null : w.getInt(w.fieldIndex("ftp_w"));
        Object[] v = new Object[RideColumns.SCHEMA.size()];
        int i = 0;
        for (String c : RideColumns.SCHEMA.fieldNames()) {
            v[i++] = switch (c) {
                case "reason" -> reason == null ? null : reason.code();
                case "detail" -> reason == null ? null : QuarantineDetail.of(reason, w.getAs("class_id"), kept,
                        validPower, read);
                case "intensity_factor" -> reason != null ? null
                        : TrainingLoad.intensityFactor(w.getAs("normalized_power_w"), ftp);
                case "tss" -> reason != null ? null : TrainingLoad.tss(w.getInt(w.fieldIndex("duration_s")),
                        w.getAs("normalized_power_w"), TrainingLoad.intensityFactor(w.getAs("normalized_power_w"), ftp),
                        ftp);
                default -> reason != null && RideColumns.METRICS.contains(c) ? null : w.getAs(c);
            };
        }
        return RowFactory.create(v);
    }

    /** Groups consecutive rows of one workout and emits that workout's summary. */
    static final class RideStream implements Iterator<Row> {
        private final Iterator<Row> in;
        private final LongAccumulator rowsIn;
        private final RideMetricsAccumulator acc = new RideMetricsAccumulator();
        private final Set<String> finished = new HashSet<>();
        private Row pending;
        private int iWorkout = -1, iOffset, iCadence, iResistance, iOutput, iHeart, iSpeed;

        RideStream(Iterator<Row> in, LongAccumulator rowsIn) {
            this.in = in;
            this.rowsIn = rowsIn;
        }

        @Override
        public boolean hasNext() {
            return pending != null || in.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row first = pending != null ? pending : take();
            pending = null;
            if (iWorkout < 0) {
                indexColumns(first);
            }
            String workoutId = first.getString(iWorkout);
            if (!finished.add(workoutId)) {
                throw new IllegalStateException("samples of workout " + workoutId
                        + " arrived in two runs; the key join must keep a ride's samples together");
            }
            acc.reset();
            long read = feed(first);
            while (in.hasNext()) {
                Row r = take();
                if (!workoutId.equals(r.getString(iWorkout))) {
                    pending = r;
                    break;
                }
                read += feed(r);
            }
            return tally(workoutId, acc.finish(null), read);
        }

        private Row take() {
            rowsIn.add(1);
            return in.next();
        }

        private void indexColumns(Row r) {
            iWorkout = r.fieldIndex("workout_id");
            iOffset = r.fieldIndex("offset_s");
            iCadence = r.fieldIndex("cadence_rpm");
            iResistance = r.fieldIndex("resistance_pct");
            iOutput = r.fieldIndex("output_w");
            iHeart = r.fieldIndex("heart_rate_bpm");
            iSpeed = r.fieldIndex("speed_kph");
        }

        /** Returns 1 for a sample row, 0 for the null row of a workout without samples. */
        private long feed(Row r) {
            if (r.isNullAt(iOffset)) {
                return 0;
            }
            int nulls = 0;
            nulls |= r.isNullAt(iCadence) ? SampleField.CADENCE_RPM.bit() : 0;
            nulls |= r.isNullAt(iResistance) ? SampleField.RESISTANCE_PCT.bit() : 0;
            nulls |= r.isNullAt(iOutput) ? SampleField.OUTPUT_W.bit() : 0;
            nulls |= r.isNullAt(iHeart) ? SampleField.HEART_RATE_BPM.bit() : 0;
            nulls |= r.isNullAt(iSpeed) ? SampleField.SPEED_KPH.bit() : 0;
            // Primitive reads: a null column reads as 0 here and is masked out above.
            acc.add(r.getInt(iOffset), intOr0(r, iCadence), intOr0(r, iResistance), intOr0(r, iOutput),
                    intOr0(r, iHeart), r.isNullAt(iSpeed) ? 0f : r.getFloat(iSpeed), nulls);
            return 1;
        }

        private static int intOr0(Row r, int i) {
            return r.isNullAt(i) ? 0 : r.getInt(i);
        }

        private static Row tally(String workoutId, RideMetrics m, long read) {
            Object[] v = new Object[TALLY.size()];
            int i = 0;
            v[i++] = workoutId;
            for (Object metric : m.metricValues()) {
                v[i++] = metric;
            }
            v[i++] = read;
            v[i++] = m.keptSamples();
            v[i++] = m.droppedSamples();
            v[i++] = m.validPowerSamples();
            for (long c : InvalidFieldCounts.of(m)) {
                v[i++] = c;
            }
            return RowFactory.create(v);
        }
    }
}
