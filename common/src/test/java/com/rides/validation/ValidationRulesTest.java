package com.rides.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rendered tables are what docs/tables.md shows: pin them so a change to the rules is a visible docs change. */
class ValidationRulesTest {

    @Test
    void markdownTableRendersEveryInputRule() {
        assertEquals("""
                | table | column | valid when | otherwise |
                |---|---|---|---|
                | `samples` | `offset_s` | 0 … 86399 | the row is dropped (counted in `samples_dropped`) |
                | `samples` | `output_w` | non-null and 0 … 3000 | the field is treated as missing: never as zero, never clamped |
                | `samples` | `cadence_rpm` | non-null and 0 … 250 | the field is treated as missing: never as zero, never clamped |
                | `samples` | `resistance_pct` | non-null and 0 … 100 | the field is treated as missing: never as zero, never clamped |
                | `samples` | `heart_rate_bpm` | non-null and 30 … 240 | the field is treated as missing: never as zero, never clamped |
                | `samples` | `speed_kph` | non-null and 0 … 120, not NaN | the field is treated as missing: never as zero, never clamped |
                | `ratings` | `rating` | non-null and 1 … 5 | the rating is quarantined (`invalid_rating`) |
                | `ratings` | `difficulty` | null, or 1 … 10 | the rating is quarantined (`invalid_difficulty`) |
                """, ValidationRules.markdownTable());
    }

    @Test
    void quarantineTableListsReasonsInPriorityOrder() {
        assertEquals("""
                | kind | priority | reason | when |
                |---|---|---|---|
                | workout | 1 | `missing_user` | `user_id` is null |
                | workout | 2 | `unknown_class` | `class_id` is not in `classes` |
                | workout | 3 | `no_samples` | no kept sample (none, or every `offset_s` outside 0 … 86399) |
                | workout | 4 | `no_valid_power` | no kept sample has a valid `output_w` |
                | rating | 1 | `unknown_class` | `class_id` is not in `classes` |
                | rating | 2 | `invalid_rating` | `rating` is null or not in 1 … 5 |
                | rating | 3 | `invalid_difficulty` | `difficulty` is present and not in 1 … 10 |
                """, ValidationRules.quarantineMarkdownTable());
    }
}
