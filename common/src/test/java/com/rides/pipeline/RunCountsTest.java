package com.rides.pipeline;

import com.rides.RidesException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** read = used + quarantined + dropped, for workouts, samples and ratings, or the run fails. */
class RunCountsTest {

    static RunCounts balanced() {
        RunCounts c = new RunCounts();
        c.record("workouts_read", 10);
        c.record("workouts_used", 8);
        c.record("workouts_quarantined", 2);
        c.record("samples_read", 1000);
        c.record("samples_used", 900);
        c.record("samples_quarantined", 95);
        c.record("samples_dropped", 5);
        c.record("ratings_read", 4);
        c.record("ratings_used", 3);
        c.record("ratings_quarantined", 1);
        return c;
    }

    @Test
    void balancedCountsReconcile() {
        assertDoesNotThrow(() -> balanced().reconcile());
    }

    @Test
    void aLostWorkoutFailsTheRun() {
        RunCounts c = balanced();
        c.record("workouts_used", 7);
        RidesException e = assertThrows(RidesException.class, c::reconcile);
        assertEquals("counts do not reconcile for workouts: read 10 != used 7 + quarantined 2 + dropped 0",
                e.getMessage());
    }

    @Test
    void aLostSampleFailsTheRun() {
        RunCounts c = balanced();
        c.record("samples_dropped", 4);
        RidesException e = assertThrows(RidesException.class, c::reconcile);
        assertTrue(e.getMessage().startsWith("counts do not reconcile for samples: read 1000"), e.getMessage());
    }

    @Test
    void aRatingCountedTwiceFailsTheRun() {
        RunCounts c = balanced();
        c.record("ratings_used", 4);
        RidesException e = assertThrows(RidesException.class, c::reconcile);
        assertTrue(e.getMessage().startsWith("counts do not reconcile for ratings"), e.getMessage());
    }

    @Test
    void mergedRunsStillReconcileAndSumEveryCount() {
        RunCounts total = new RunCounts();
        total.merge(balanced());
        total.merge(balanced());
        assertEquals(20, total.get("workouts_read"));
        assertEquals(10, total.get("samples_dropped"));
        assertDoesNotThrow(total::reconcile);
        assertTrue(total.toString().startsWith("workouts 20 read = 16 used + 4 quarantined"), total.toString());
    }
}
