package com.rides.generate;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BucketsAndSpecTest {

    @Test
    void workoutBucketsSpreadEvenly() {
        Rng rng = new Rng(1);
        int[] perBucket = new int[16];
        for (int i = 0; i < 160_000; i++) {
            perBucket[Buckets.ofWorkout(Seeds.uuid(rng), 16)]++;
        }
        for (int n : perBucket) {
            assertTrue(n > 9_400 && n < 10_600, "bucket size " + n);
        }
    }

    @Test
    void bucketsAreTheDocumentedFormula() {
        UUID workout = UUID.fromString("b36356a4-4ade-46bf-b670-7b3e6eeb1f11");
        UUID user = UUID.fromString("52bcf88b-93bc-49ed-9575-034386c302ca");
        UUID rideClass = UUID.fromString("84848ef5-3fe5-41b9-b579-2e1334d0e2e9");
        assertEquals(Math.floorMod(workout.hashCode(), 16), Buckets.ofWorkout(workout, 16));
        assertEquals(Math.floorMod(31 * user.hashCode() + rideClass.hashCode(), 7), Buckets.ofRating(user, rideClass, 7));
        assertEquals(0, Buckets.ofWorkout(workout, 1));
    }

    @Test
    void generatedIdsAreVersion4() {
        UUID id = Seeds.uuid(new Rng(3));
        assertEquals(4, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void theSpecRejectsNonsense() {
        LocalDate end = LocalDate.of(2026, 11, 20);
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec(0, 10, 7, end, 1));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec(10, 10, 0, end, 1));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec(10, 10, 7, end, 1, 0, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec(10, 10, 7, end, 1, 16, 0.5));
        GeneratorSpec spec = new GeneratorSpec(10, 10, 7, end, 1);
        assertEquals(LocalDate.of(2026, 11, 14), spec.firstDay());
        assertEquals(16, spec.buckets());
        assertEquals(0.01, spec.faultRate());
    }

    @Test
    void aTinyDataSetWorks() {
        SyntheticRides data = new SyntheticRides(new GeneratorSpec(1, 1, 1, LocalDate.of(2026, 1, 1), 9L, 1, 0.2));
        assertEquals(1, data.riders().size());
        assertEquals(1, data.classes().size());
        data.faultLog(); // no exception on the smallest spec and the highest fault rate
    }
}
