package com.rides.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table for the console: a title, a header row, aligned columns. */
final class ConsoleTable {

    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    ConsoleTable(String title, String... header) {
        this.title = title;
        this.header = Arrays.asList(header);
    }

    ConsoleTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "-" : c instanceof Double d ? String.format("%.1f", d) : c.toString());
        }
        rows.add(r);
        return this;
    }

    String render() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder("\n").append(title).append('\n');
        line(out, header, width);
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append("-".repeat(w)).append("  ");
        }
        out.append(rule.toString().stripTrailing()).append('\n');
        for (List<String> r : rows) {
            line(out, r, width);
        }
        if (rows.isEmpty()) {
            out.append("(no rows)\n");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            l.append(String.format("%-" + width[i] + "s  ", cells.get(i)));
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }
}
