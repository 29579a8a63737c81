package com.rides.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a write did.
 *
 * @param rows    rows written per table
 * @param retries requests that needed more than one attempt
 * @param faults  the faults planted in the rows written
 */
public record WriteResult(Map<RawTable, Long> rows, double elapsedSeconds, long retries, FaultLog faults) {

    public WriteResult {
        Map<RawTable, Long> copy = new EnumMap<>(RawTable.class);
        copy.putAll(rows);
        rows = Collections.unmodifiableMap(copy);
    }

    public long rows(RawTable table) {
        return rows.getOrDefault(table, 0L);
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rowsPerSecond() {
        return elapsedSeconds > 0 ? totalRows() / elapsedSeconds : 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (RawTable t : RawTable.values()) {
            sb.append(String.format("%s %,d, ", t.tableName(), rows(t)));
        }
        return sb.append(String.format("%,d rows in %.1f s (%,.0f rows/s)", totalRows(), elapsedSeconds,
                rowsPerSecond())).toString();
    }
}
