package com.rides.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default size and the large one share BENCHMARKS.md with scripts/bench-cluster. */
class BenchmarkDocumentTest {

    static BenchSettings settings(int ridesPerDay, String section) {
        return new BenchSettings(null, ridesPerDay, 100, 10, 60, LocalDate.parse("2026-11-20"), 42, 0.01, 3, 1, 2,
                300, Path.of("BENCHMARKS.md"), false, "bench", section);
    }

    @Test
    void eachRunReplacesOnlyWhatIsItsOwn() {
        String withCluster = ReportSections.replace("# Benchmarks\n\nold default figures\n", ReportSections.CLUSTER,
                "## On a cluster\n\ncluster figures");
        String large = Benchmark.document(withCluster, "# Benchmarks\n\n## Key figures\n\nlarge figures\n",
                settings(3000, "large"));
        assertTrue(large.startsWith("# Benchmarks\n\nold default figures\n"), large);
        assertTrue(large.contains("## At 3,000 rides a day\n\n### Key figures\n\nlarge figures"), large);
        assertTrue(large.contains("cluster figures"), large);

        String again = Benchmark.document(large, "# Benchmarks\n\nnew default figures\n", settings(300, null));
        assertTrue(again.startsWith("# Benchmarks\n\nnew default figures\n"), again);
        assertEquals(ReportSections.all(large), ReportSections.all(again), "both sections stay, in their order");
        assertTrue(!again.contains("old default figures"), again);
    }

    @Test
    void theTargetTightensAtTheLargeSizeAndTheClusterSectionIsNotOurs() {
        assertEquals(1.5, Benchmark.nightlyOverFloorTarget(302));
        assertEquals(1.2, Benchmark.nightlyOverFloorTarget(3000));
        assertThrows(RuntimeException.class, () -> settings(300, ReportSections.CLUSTER));
        assertThrows(RuntimeException.class, () -> settings(300, "Large Size"));
    }
}
