package com.rides.validation;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's rule tables are the code's rule tables: a change to one without the other fails here. */
class ReadmeShowsTheRulesTest {

    @Test
    void readmeContainsTheRenderedRuleTables() throws Exception {
        Path readme = Path.of(System.getProperty("rides.root", "..")).resolve("README.md");
        String text = Files.readString(readme);
        assertTrue(text.contains(ValidationRules.markdownTable()), "README lacks the sample/rating rule table");
        assertTrue(text.contains(ValidationRules.quarantineMarkdownTable()), "README lacks the quarantine reason table");
    }
}
