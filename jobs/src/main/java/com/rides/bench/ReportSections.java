package com.rides.bench;

/**
 * BENCHMARKS.md is written by more than one benchmark: each owns a section between
 * marker comments and replaces only that, so scripts/bench and scripts/bench-cluster
 * can run in either order and neither erases the other's figures.
 */
final class ReportSections {

    static final String CLUSTER = "cluster";
    private static final java.util.regex.Pattern BEGIN = java.util.regex.Pattern.compile(
            "<!-- ([a-z0-9-]+) benchmark: written by its own script; kept by the others -->");

    private ReportSections() {
    }

    /** {@code document} with the section {@code name} replaced by {@code body} (appended if absent). */
    static String replace(String document, String name, String body) {
        String begin = begin(name);
        String end = end(name);
        String block = begin + "\n" + body.strip() + "\n" + end + "\n";
        int b = document.indexOf(begin);
        int e = document.indexOf(end);
        if (b >= 0 && e > b) {
            return document.substring(0, b) + block + document.substring(e + end.length()).replaceFirst("^\n", "");
        }
        String sep = document.isEmpty() || document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n";
        return document + sep + block;
    }

    /** The section {@code name} of {@code document} with its markers, or "" if it has none. */
    static String section(String document, String name) {
        int b = document.indexOf(begin(name));
        int e = document.indexOf(end(name));
        return b >= 0 && e > b ? document.substring(b, e + end(name).length()) + "\n" : "";
    }

    /** Every section of {@code document}, with its markers, in the document's order ("" if none). */
    static String all(String document) {
        StringBuilder kept = new StringBuilder();
        java.util.regex.Matcher m = BEGIN.matcher(document);
        while (m.find()) {
            kept.append(section(document, m.group(1)));
        }
        return kept.toString();
    }

    /**
     * A whole report as a section's body: its title becomes {@code title}, a level-2
     * heading, and every other heading moves one level down.
     */
    static String demoted(String report, String title) {
        String body = report.strip();
        body = body.startsWith("# ") ? body.substring(body.indexOf('\n') + 1) : body;
        return "## " + title + "\n" + body.replaceAll("(?m)^(#+ )", "#$1");
    }

    private static String begin(String name) {
        return "<!-- " + name + " benchmark: written by its own script; kept by the others -->";
    }

    private static String end(String name) {
        return "<!-- end of " + name + " benchmark -->";
    }
}
