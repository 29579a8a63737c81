package com.rides.workouts;

import com.rides.metrics.RideMetrics;
import com.rides.metrics.RideMetricsAccumulator;
import com.rides.validation.SampleField;
import com.rides.validation.WorkoutQuarantineReason;
import com.rides.validation.WorkoutValidator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The one pass over raw samples. Its input is the day's workouts, each followed by
 * its samples in offset order (a left-outer key join: a Cassandra partition is
 * never split, so a ride's samples arrive together and sorted). It folds each ride
 * into one row of {@link RideColumns} as the samples stream by, so only per-ride
 * summaries ever reach a shuffle.
 */
public final class WorkoutPass {

    private WorkoutPass() {
    }

    /**
     * @param joined workouts enriched with class_title, instructor, class_known,
     *               username, ftp_w, left-outer joined with samples
     * @param rowsIn counts every input row, independently of the per-ride tallies, so
     *               the run can check that each row was accounted for
     */
    public static Dataset<Row> rides(Dataset<Row> joined, LongAccumulator rowsIn) {
        return joined.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new RideStream(rows, rowsIn),
                Encoders.row(RideColumns.SCHEMA));
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
            Integer ftp = first.isNullAt(first.fieldIndex("ftp_w")) ? null : first.getInt(first.fieldIndex("ftp_w"));
            return summary(first, acc.finish(ftp), read);
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

        private static Row summary(Row w, RideMetrics m, long read) {
            String userId = w.getAs("user_id");
            boolean classKnown = !w.isNullAt(w.fieldIndex("class_known"));
            WorkoutQuarantineReason reason = WorkoutValidator.reason(userId != null, classKnown,
                    m.keptSamples(), m.validPowerSamples());
            boolean kept = reason == null;
            Object[] v = new Object[RideColumns.SCHEMA.size()];
            int i = 0;
            v[i++] = w.getAs("workout_id");
            v[i++] = w.getAs("day");
            v[i++] = w.getAs("bucket");
            v[i++] = userId;
            v[i++] = w.getAs("class_id");
            v[i++] = w.getAs("started_at");
            v[i++] = w.getAs("class_title");
            v[i++] = w.getAs("instructor");
            v[i++] = w.getAs("username");
            v[i++] = w.getAs("ftp_w");
            v[i++] = kept ? null : reason.code();
            v[i++] = kept ? null : QuarantineDetail.of(reason, w, m, read);
            Object[] metrics = m.metricValues();
            for (Object metric : metrics) {
                v[i++] = kept ? metric : null;
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
