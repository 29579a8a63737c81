package com.rides.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a file line by line against the Prometheus text exposition format (0.0.4) as
 * node_exporter's textfile collector reads it, and returns its samples. Written from
 * the format's description, independently of the writer the jobs use.
 */
public final class PrometheusTextFormat {

    static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*";
    static final String LABEL_VALUE = "\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    static final String FLOAT = "[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?Inf|NaN";
    static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (?:[^\\\\\\n]|\\\\[\\\\n])*");
    static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:" + LABEL + "=" + LABEL_VALUE
            + "(?:," + LABEL + "=" + LABEL_VALUE + ")*,?)?\\})? (" + FLOAT + ")");

    /** A sample: its name, its label set as written, its value. */
    public record Sample(String name, String labels, double value) {
    }

    private PrometheusTextFormat() {
    }

    /**
     * @return the samples, by "name{labels}"
     * @throws AssertionError naming the first line that breaks the format
     */
    public static Map<String, Sample> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the file does not end with a newline");
        }
        Map<String, Sample> samples = new LinkedHashMap<>();
        Set<String> typed = new HashSet<>();
        Set<String> helped = new HashSet<>();
        Set<String> finished = new HashSet<>(); // families whose samples are behind us
        String current = null;
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = "line " + (i + 1) + " '" + line + "': ";
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                if (!helped.add(m.group(1))) {
                    throw new AssertionError(where + "a second HELP for " + m.group(1));
                }
                current = family(m.group(1), current, finished, where);
            } else if ((m = TYPE.matcher(line)).matches()) {
                if (!typed.add(m.group(1))) {
                    throw new AssertionError(where + "a second TYPE for " + m.group(1));
                }
                String typedName = m.group(1);
                if (samples.values().stream().anyMatch(s -> s.name().equals(typedName))) {
                    throw new AssertionError(where + "TYPE after a sample of its family");
                }
                current = family(m.group(1), current, finished, where);
            } else if (line.startsWith("#")) {
                if (line.startsWith("# HELP") || line.startsWith("# TYPE")) {
                    throw new AssertionError(where + "a malformed HELP or TYPE line");
                }
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                current = family(name, current, finished, where);
                String key = name + (m.group(2) == null ? "" : m.group(2));
                if (samples.containsKey(key)) {
                    throw new AssertionError(where + "a second sample " + key);
                }
                String v = m.group(3);
                double value = v.endsWith("Inf") ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                        : v.equals("NaN") ? Double.NaN : Double.parseDouble(v);
                samples.put(key, new Sample(name, m.group(2) == null ? "" : m.group(2), value));
            } else {
                throw new AssertionError(where + "neither a comment, HELP, TYPE nor a sample without timestamp");
            }
        }
        return samples;
    }

    /** A family's lines must be together: no going back to a family once another began. */
    private static String family(String name, String current, Set<String> finished, String where) {
        if (name.equals(current)) {
            return current;
        }
        if (finished.contains(name)) {
            throw new AssertionError(where + "the lines of " + name + " are not together");
        }
        if (current != null) {
            finished.add(current);
        }
        return name;
    }
}
