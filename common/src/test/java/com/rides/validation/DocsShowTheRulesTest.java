package com.rides.validation;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The docs' rule tables are the code's rule tables: a change to one without the other fails here. */
class DocsShowTheRulesTest {

    @Test
    void tablesPageContainsTheRenderedRuleTables() throws Exception {
        Path page = Path.of(System.getProperty("rides.root", "..")).resolve("docs/tables.md");
        String text = Files.readString(page);
        assertTrue(text.contains(ValidationRules.markdownTable()), "docs/tables.md lacks the sample/rating rule table");
        assertTrue(text.contains(ValidationRules.quarantineMarkdownTable()), "docs/tables.md lacks the quarantine reason table");
    }
}
