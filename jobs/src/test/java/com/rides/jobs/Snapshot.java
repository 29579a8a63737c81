package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.schema.SchemaCheck;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every result table of the contract, row by row, for comparing two ways of computing them. */
final class Snapshot {

    private Snapshot() {
    }

    static Map<String, java.util.List<String>> results(CqlSession session, String statsKeyspace) {
        Map<String, java.util.List<String>> out = new LinkedHashMap<>();
        for (String table : SchemaCheck.RESULT_TABLES) {
            if (!table.equals("job_runs")) {
                out.put(table, TableRows.of(session, statsKeyspace, table));
            }
        }
        return out;
    }
}
