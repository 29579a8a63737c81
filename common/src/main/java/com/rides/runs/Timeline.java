package com.rides.runs;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a process's seconds go: named marks, in seconds since the JVM started, for
 * `nightly --timings` and the benchmark's cold processes. One per process and off unless
 * {@link #start}ed: the marks come from layers (the launcher, the job's frame, Spark, the
 * pipeline) that share nothing else, and threading a listener through all of them for a
 * measurement would cost every signature on the way.
 */
public final class Timeline {

    /** One mark: what had just happened, and when. */
    public record Mark(String what, double seconds) {
    }

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("^timing +(\\d+\\.\\d+) s  (.+)$");

    private static volatile Timeline current;

    private final long jvmStartMillis;
    private final List<Mark> marks = new ArrayList<>();

    Timeline(long jvmStartMillis) {
        this.jvmStartMillis = jvmStartMillis;
    }

    /** Starts recording this process's marks. */
    public static Timeline start() {
        Timeline t = new Timeline(ManagementFactory.getRuntimeMXBean().getStartTime());
        current = t;
        return t;
    }

    /** Records that {@code what} has just happened, if a timeline was started; else nothing. */
    public static void mark(String what) {
        Timeline t = current;
        if (t != null) {
            t.add(what, System.currentTimeMillis());
        }
    }

    synchronized void add(String what, long nowMillis) {
        marks.add(new Mark(what, (nowMillis - jvmStartMillis) / 1000.0));
    }

    public synchronized List<Mark> marks() {
        return List.copyOf(marks);
    }

    /** The lines `--timings` prints: "timing  12.3 s  what", one per mark. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Mark m : marks()) {
            lines.add(String.format(Locale.ROOT, "timing %6.2f s  %s", m.seconds(), m.what()));
        }
        return lines;
    }

    /** Reads a mark back from a line of {@link #lines}; null for any other line. */
    public static Mark parse(String line) {
        java.util.regex.Matcher m = LINE.matcher(line);
        return m.matches() ? new Mark(m.group(2), Double.parseDouble(m.group(1))) : null;
    }
}
