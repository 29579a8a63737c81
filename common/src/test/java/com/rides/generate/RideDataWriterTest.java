package com.rides.generate;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.rides.RidesException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the writer sends, checked against a recording session (no Cassandra needed). */
class RideDataWriterTest {

    private static final GeneratorSpec SPEC = new GeneratorSpec(30, 10, 5, LocalDate.of(2026, 11, 20), 3L, 16, 0.05);

    @Test
    void preparesOneIdempotentInsertPerTable() {
        RecordingSession recording = new RecordingSession();
        new RideDataWriter(recording.session(), "rides").write(new SyntheticRides(SPEC));
        List<String> cql = recording.prepared.stream().map(SimpleStatement::getQuery).toList();
        assertEquals(List.of(
                "INSERT INTO rides.riders (user_id, username, ftp_w, max_heart_rate_bpm, created_at) VALUES (?, ?, ?, ?, ?)",
                "INSERT INTO rides.classes (class_id, title, instructor, discipline, duration_s, aired_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                "INSERT INTO rides.workouts (day, bucket, workout_id, user_id, class_id, started_at, device) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                "INSERT INTO rides.samples (workout_id, offset_s, cadence_rpm, resistance_pct, output_w, "
                        + "heart_rate_bpm, speed_kph) VALUES (?, ?, ?, ?, ?, ?, ?)",
                "INSERT INTO rides.ratings (day, bucket, user_id, class_id, workout_id, rating, difficulty, rated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), cql);
        assertTrue(recording.prepared.stream().allMatch(s -> Boolean.TRUE.equals(s.isIdempotent())));
    }

    @Test
    void quotesAKeyspaceThatNeedsIt() {
        RecordingSession recording = new RecordingSession();
        new RideDataWriter(recording.session(), "Rides Test").write(new SyntheticRides(SPEC));
        assertTrue(recording.prepared.get(0).getQuery().startsWith("INSERT INTO \"Rides Test\".riders "));
    }

    @Test
    void writesEveryRowOnceAndSaysSo() {
        SyntheticRides data = new SyntheticRides(SPEC);
        RecordingSession recording = new RecordingSession();
        WriteResult result = new RideDataWriter(recording.session(), "rides").write(data);

        Map<String, Long> expected = expectedRows(data);
        Map<String, Long> sent = recording.executedRows().stream()
                .collect(Collectors.groupingBy(RecordingSession.Row::table, Collectors.counting()));
        assertEquals(expected, sent);
        for (RawTable t : RawTable.values()) {
            assertEquals(expected.get(t.tableName()), result.rows(t), t.tableName());
        }
        assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), result.totalRows());
        assertEquals(0, result.retries());
        assertTrue(result.faults().count(Fault.SAMPLE_GAP) > 0, "the result carries the fault log");
        assertEquals(data.faultLog().counts(), result.faults().counts());

        Set<List<Object>> sampleKeys = new HashSet<>();
        for (RecordingSession.Row row : recording.executedRows()) {
            if (row.table().equals("samples")) {
                assertTrue(sampleKeys.add(row.values().subList(0, 2)), "each (workout_id, offset_s) once");
            }
        }
    }

    private static Map<String, Long> expectedRows(SyntheticRides data) {
        Map<String, Long> rows = new HashMap<>();
        rows.put("riders", (long) data.riders().size());
        rows.put("classes", (long) data.classes().size());
        for (RiderHistory h : data.histories()) {
            rows.merge("workouts", (long) h.rides().size(), Long::sum);
            rows.merge("ratings", (long) h.ratings().size(), Long::sum);
            for (PlannedRide ride : h.rides()) {
                rows.merge("samples", (long) data.samples(ride).size(), Long::sum);
            }
        }
        return rows;
    }

    @Test
    void samplesGoInUnloggedBatchesOfOneRide() {
        RecordingSession recording = new RecordingSession();
        new RideDataWriter(recording.session(), "rides").write(new SyntheticRides(SPEC));
        int batches = 0;
        for (Statement<?> s : recording.executed) {
            if (s instanceof BatchStatement batch) {
                batches++;
                assertEquals(DefaultBatchType.UNLOGGED, batch.getBatchType());
                assertTrue(batch.size() <= WriterOptions.DEFAULT_SAMPLES_PER_BATCH, "batch of " + batch.size());
                assertEquals(Boolean.TRUE, batch.isIdempotent());
                List<RecordingSession.Row> rows = RecordingSession.rows(batch);
                assertTrue(rows.stream().allMatch(r -> r.table().equals("samples")));
                assertEquals(1, rows.stream().map(r -> r.values().get(0)).distinct().count(), "one partition");
            }
        }
        assertTrue(batches > 100, "batches " + batches);
    }

    @Test
    void bindsTheModelsValuesNullsAndNaNIncluded() {
        SyntheticRides data = new SyntheticRides(SPEC.withFaultRate(0.2));
        RecordingSession recording = new RecordingSession();
        new RideDataWriter(recording.session(), "rides").write(data);
        List<RecordingSession.Row> sent = recording.executedRows();

        PlannedRide ride = null;
        for (RiderHistory h : data.histories()) {
            for (PlannedRide r : h.rides()) {
                if (r.workout().userId() == null && ride == null) {
                    ride = r;
                }
            }
        }
        Workout w = ride.workout();
        RecordingSession.Row workoutRow = sent.stream()
                .filter(r -> r.table().equals("workouts") && r.values().get(2).equals(w.workoutId()))
                .findFirst().orElseThrow();
        assertEquals(java.util.Arrays.asList(w.day(), w.bucket(), w.workoutId(), null, w.classId(), w.startedAt(),
                w.device()), workoutRow.values());

        RideSamples s = data.samples(ride);
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            expected.add(java.util.Arrays.asList(w.workoutId(), s.offsetS(i), s.cadenceRpm(i), s.resistancePct(i),
                    s.outputW(i), s.heartRateBpm(i), s.speedKph(i)));
        }
        List<List<Object>> written = sent.stream()
                .filter(r -> r.table().equals("samples") && r.values().get(0).equals(w.workoutId()))
                .map(RecordingSession.Row::values).toList();
        assertEquals(expected, written);
        assertTrue(written.stream().anyMatch(v -> v.contains(null)), "nulls are bound as nulls");
    }

    @Test
    void keepsTheRequestsInFlightBounded() {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(2);
        try {
            RecordingSession recording = new RecordingSession();
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            recording.answer = statement -> {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                CompletableFuture<Void> answer = new CompletableFuture<>();
                server.schedule(() -> {
                    inFlight.decrementAndGet();
                    answer.complete(null);
                }, 100, TimeUnit.MICROSECONDS);
                return answer;
            };
            List<WriteProgress> progress = new ArrayList<>();
            WriterOptions options = WriterOptions.defaults().withMaxInFlight(8).withProgressInterval(Duration.ZERO);
            WriteResult result = new RideDataWriter(recording.session(), "rides", options)
                    .write(new SyntheticRides(SPEC), progress::add);
            assertTrue(peak.get() <= 8, "peak in flight " + peak.get());
            assertTrue(progress.size() > 10, "progress reports " + progress.size());
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i).rowsWritten() >= progress.get(i - 1).rowsWritten());
            }
            assertTrue(result.rowsPerSecond() > 0);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void failsWithTheTableAndTheReason() {
        RecordingSession recording = new RecordingSession();
        recording.answer = statement -> RecordingSession.rows(statement).get(0).table().equals("ratings")
                ? CompletableFuture.failedFuture(new InvalidQueryException(null, "Undefined column name difficulty"))
                : CompletableFuture.completedFuture(null);
        RidesException e = assertThrows(RidesException.class,
                () -> new RideDataWriter(recording.session(), "rides").write(new SyntheticRides(SPEC)));
        assertTrue(e.getMessage().startsWith("writing rides.ratings failed after 1 attempt: "
                + "InvalidQueryException: Undefined column name difficulty"), e.getMessage());
    }
}
