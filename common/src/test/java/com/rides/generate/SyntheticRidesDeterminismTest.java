package com.rides.generate;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SyntheticRidesDeterminismTest {

    private static final GeneratorSpec SPEC = new GeneratorSpec(60, 20, 7, LocalDate.of(2026, 11, 20), 7L);

    @Test
    void sameSpecGivesIdenticalRows() {
        SyntheticRides first = new SyntheticRides(SPEC);
        SyntheticRides second = new SyntheticRides(SPEC);
        assertEquals(first.riders(), second.riders());
        assertEquals(first.classes(), second.classes());
        for (int i = 0; i < SPEC.users(); i++) {
            assertEquals(first.history(i), second.history(i), "history of rider " + i);
        }
        assertEquals(RowHash.of(first), RowHash.of(second));
    }

    @Test
    void anotherSeedGivesOtherRows() {
        SyntheticRides a = new SyntheticRides(SPEC);
        SyntheticRides b = new SyntheticRides(SPEC.withSeed(8L));
        assertNotEquals(RowHash.of(a), RowHash.of(b));
        assertNotEquals(a.riders().get(0).userId(), b.riders().get(0).userId());
        assertNotEquals(a.classes().get(0).classId(), b.classes().get(0).classId());
    }

    @Test
    void orderOfGenerationAndThreadsDoNotChangeTheRows() {
        SyntheticRides data = new SyntheticRides(SPEC);
        List<Long> inOrder = IntStream.range(0, SPEC.users())
                .mapToObj(i -> RowHash.of(data, data.history(i))).toList();
        List<Long> backwards = new ArrayList<>(IntStream.range(0, SPEC.users()).map(i -> SPEC.users() - 1 - i)
                .mapToObj(i -> RowHash.of(data, data.history(i))).toList());
        Collections.reverse(backwards);
        List<Long> parallel = IntStream.range(0, SPEC.users()).parallel()
                .mapToObj(i -> RowHash.of(data, data.history(i))).toList();
        assertEquals(inOrder, backwards);
        assertEquals(inOrder, parallel);
    }

    @Test
    void aReusedBufferGivesTheSameSamplesAsAFreshOne() {
        SyntheticRides data = new SyntheticRides(SPEC.withFaultRate(0.05));
        RideSamples reused = new RideSamples();
        for (RiderHistory history : data.histories()) {
            for (PlannedRide ride : history.rides()) {
                RideSamples fresh = data.samples(ride);
                RideSamples again = data.samples(ride, reused);
                assertEquals(fresh.size(), again.size());
                for (int i = 0; i < fresh.size(); i++) {
                    assertEquals(fresh.offsetS(i), again.offsetS(i));
                    for (SampleField f : SampleField.values()) {
                        assertEquals(fresh.isNull(i, f), again.isNull(i, f));
                        assertEquals(fresh.value(i, f), again.value(i, f), 0.0);
                    }
                }
            }
        }
    }

    @Test
    void theFaultRateDoesNotMoveTheCleanContent() {
        // Faults draw from their own streams: the same rides happen at any fault rate,
        // so a clean and a faulty data set can be compared ride by ride.
        SyntheticRides clean = new SyntheticRides(SPEC.withFaultRate(0));
        SyntheticRides faulty = new SyntheticRides(SPEC.withFaultRate(0.05));
        assertEquals(workoutIds(clean), workoutIds(faulty));
        assertEquals(clean.riders(), faulty.riders());
        assertEquals(clean.classes(), faulty.classes());
    }

    private static Set<UUID> workoutIds(SyntheticRides data) {
        return IntStream.range(0, data.spec().users()).mapToObj(data::history)
                .flatMap(h -> h.rides().stream())
                .map(r -> r.workout().workoutId())
                .collect(Collectors.toSet());
    }
}
