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

    @Test
    void aFullRewriteKeepsEverySectionInItsOrder() {
        String doc = ReportSections.replace(ReportSections.replace("old figures\n", ReportSections.CLUSTER, "cluster figures"),
                "large", "large figures");
        String kept = ReportSections.all(doc);
        assertEquals(ReportSections.section(doc, ReportSections.CLUSTER) + ReportSections.section(doc, "large"), kept);
        assertTrue(kept.indexOf("cluster figures") < kept.indexOf("large figures") && !kept.contains("old"), kept);
        assertEquals("", ReportSections.all("no markers here"));
    }

    @Test
    void aWholeReportBecomesASectionOneHeadingLevelDown() {
        String report = "# Benchmarks\n\nintro\n\n## Machine\n\n| a | b |\n\n### Detail\n#not a heading\n";
        assertEquals("## At 3,000 rides a day\n\nintro\n\n### Machine\n\n| a | b |\n\n#### Detail\n#not a heading",
                ReportSections.demoted(report, "At 3,000 rides a day"));
    }
}
