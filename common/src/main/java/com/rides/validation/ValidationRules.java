package com.rides.validation;

/**
 * Renders the declared rules ({@link OffsetRule}, {@link SampleField},
 * {@link RatingField} and the quarantine reasons) as Markdown, so docs/tables.md shows
 * exactly what the code enforces. DocsShowTheRulesTest checks that page contains these tables.
 */
public final class ValidationRules {

    private ValidationRules() {
    }

    /** Every input value rule: table, column, when it is valid and what happens otherwise. */
    public static String markdownTable() {
        StringBuilder s = new StringBuilder();
        s.append("| table | column | valid when | otherwise |\n");
        s.append("|---|---|---|---|\n");
        row(s, "samples", OffsetRule.COLUMN, OffsetRule.rangeText(),
                "the row is dropped (counted in `samples_dropped`)");
        for (SampleField f : SampleField.values()) {
            row(s, "samples", f.column(), "non-null and " + f.rangeText(),
                    "the field is treated as missing: never as zero, never clamped");
        }
        for (RatingField f : RatingField.values()) {
            row(s, "ratings", f.column(), (f.required() ? "non-null and " : "") + f.rangeText(),
                    "the rating is quarantined (`" + reasonOf(f).code() + "`)");
        }
        return s.toString();
    }

    /** The quarantine reasons of workouts and ratings, in the order that picks the one recorded. */
    public static String quarantineMarkdownTable() {
        StringBuilder s = new StringBuilder();
        s.append("| kind | priority | reason | when |\n");
        s.append("|---|---|---|---|\n");
        for (WorkoutQuarantineReason r : WorkoutQuarantineReason.values()) {
            s.append("| workout | ").append(r.ordinal() + 1).append(" | `").append(r.code()).append("` | ")
                    .append(r.description()).append(" |\n");
        }
        for (RatingQuarantineReason r : RatingQuarantineReason.values()) {
            s.append("| rating | ").append(r.ordinal() + 1).append(" | `").append(r.code()).append("` | ")
                    .append(r.description()).append(" |\n");
        }
        return s.toString();
    }

    private static RatingQuarantineReason reasonOf(RatingField f) {
        return switch (f) {
            case RATING -> RatingQuarantineReason.INVALID_RATING;
            case DIFFICULTY -> RatingQuarantineReason.INVALID_DIFFICULTY;
        };
    }

    private static void row(StringBuilder s, String table, String column, String valid, String otherwise) {
        s.append("| `").append(table).append("` | `").append(column).append("` | ").append(valid).append(" | ")
                .append(otherwise).append(" |\n");
    }
}
