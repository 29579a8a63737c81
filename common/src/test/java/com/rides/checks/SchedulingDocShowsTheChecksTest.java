package com.rides.checks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/scheduling.md shows the checks the code runs: a change to one without the other fails here. */
class SchedulingDocShowsTheChecksTest {

    @Test
    void theSchedulingPageContainsTheRenderedCheckTable() throws Exception {
        Path page = Path.of(System.getProperty("rides.root", "..")).resolve("docs").resolve("scheduling.md");
        String text = Files.readString(page);
        assertTrue(text.contains(DataChecks.markdownTable()),
                "docs/scheduling.md lacks the data check table; it should contain:\n" + DataChecks.markdownTable());
    }
}
