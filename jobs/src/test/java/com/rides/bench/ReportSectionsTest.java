package com.rides.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two benchmarks share BENCHMARKS.md: each replaces its own section and keeps the other's. */
class ReportSectionsTest {

    @Test
    void appendsASectionThenReplacesOnlyIt() {
        String bench = "# Benchmarks\n\nfigures of scripts/bench\n";
        String once = ReportSections.replace(bench, ReportSections.CLUSTER, "## On a cluster\n\nfirst run\n");
        assertTrue(once.startsWith(bench), once);
        assertTrue(once.contains("first run"), once);
        String twice = ReportSections.replace(once, ReportSections.CLUSTER, "## On a cluster\n\nsecond run\n");
        assertEquals(once.replace("first run", "second run"), twice);
    }

    @Test
    void theSectionSurvivesAFullRewriteOfTheRest() {
        String withCluster = ReportSections.replace("old figures\n", ReportSections.CLUSTER, "cluster figures");
        String kept = ReportSections.section(withCluster, ReportSections.CLUSTER);
        assertTrue(kept.contains("cluster figures") && !kept.contains("old figures"), kept);
        String rewritten = ReportSections.replace("new figures\n\n" + kept, ReportSections.CLUSTER, "cluster figures");
        assertEquals("new figures\n\n" + kept, rewritten);
        assertEquals("", ReportSections.section("no markers here", ReportSections.CLUSTER));
    }
}
