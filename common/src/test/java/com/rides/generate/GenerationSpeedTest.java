package com.rides.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.LocalDate;

/**
 * How fast the model produces rows on one thread, without Cassandra: the upper
 * bound of a generate run. Opt-in: {@code -Drides.bench=true}; prints to stdout
 * (target-*\/surefire-reports/*-output.txt under Maven).
 */
@EnabledIfSystemProperty(named = "rides.bench", matches = "true")
class GenerationSpeedTest {

    @Test
    void rowsPerSecondOnOneThread() {
        run(new GeneratorSpec(200, 40, 7, LocalDate.of(2026, 11, 20), 1L)); // warm-up
        run(new GeneratorSpec(1000, 100, 30, LocalDate.of(2026, 11, 20), 2L));
    }

    private static void run(GeneratorSpec spec) {
        long start = System.nanoTime();
        SyntheticRides data = new SyntheticRides(spec);
        long rows = data.riders().size() + data.classes().size();
        RideSamples buffer = new RideSamples();
        long checksum = 0;
        for (RiderHistory history : data.histories()) {
            rows += history.rides().size() + history.ratings().size();
            for (PlannedRide ride : history.rides()) {
                RideSamples s = data.samples(ride, buffer);
                rows += s.size();
                checksum += s.size() > 0 ? s.offsetS(s.size() - 1) : 0;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,d rows in %.2f s = %,.0f rows/s (checksum %d)%n",
                spec, rows, seconds, rows / seconds, checksum);
    }
}
