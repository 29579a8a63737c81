package com.rides.testing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/** The raw and stats keyspace names a test class gets to itself: t_&lt;class&gt;_raw, t_&lt;class&gt;_stats. */
public record TestKeyspaces(String raw, String stats) {

    /** Cassandra's limit on keyspace names. */
    static final int MAX_NAME = 48;
    private static final String STATS = "_stats";

    public static TestKeyspaces forClass(Class<?> testClass) {
        return forName(testClass.getName());
    }

    static TestKeyspaces forName(String className) {
        String simple = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        String base = "t_" + simple.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        int maxBase = MAX_NAME - STATS.length();
        if (base.length() > maxBase) {
            // Trimmed names could meet; a hash of the full class name keeps them apart.
            String hash = String.format("%06x", crc(className) & 0xffffff);
            base = base.substring(0, maxBase - hash.length() - 1) + "_" + hash;
        }
        return new TestKeyspaces(base + "_raw", base + STATS);
    }

    private static long crc(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
