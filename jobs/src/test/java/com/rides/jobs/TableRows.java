package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A whole table as sorted text lines, for comparing two runs row by row. Columns
 * that name a run (job_run_id, run_id, finished_at) are left out; doubles are
 * rounded to 9 significant digits (the contract's 1e-6 relative agreement).
 */
final class TableRows {

    private static final Set<String> RUN_COLUMNS = Set.of("job_run_id", "run_id", "finished_at");

    private TableRows() {
    }

    static List<String> of(CqlSession session, String keyspace, String table) {
        List<String> lines = new ArrayList<>();
        for (Row row : session.execute("SELECT * FROM " + keyspace + "." + table)) {
            StringBuilder line = new StringBuilder();
            for (ColumnDefinition c : row.getColumnDefinitions()) {
                String name = c.getName().asInternal();
                if (RUN_COLUMNS.contains(name)) {
                    continue;
                }
                Object v = row.getObject(name);
                line.append(name).append('=').append(format(v)).append(' ');
            }
            lines.add(line.toString().trim());
        }
        Collections.sort(lines);
        return lines;
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return String.format("%.9g", d);
        }
        return String.valueOf(v);
    }
}
