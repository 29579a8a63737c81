package com.rides.tables;

import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;

import java.util.Map;

/**
 * A table of one row per kept ride, made by the table's SQL file from the ride's row
 * (sql/results/TABLE.sql, view {@code rides}): a reprocessed ride's row replaces the
 * stored one, and a ride now quarantined loses its row (the keys it would have are
 * covered, from the same SQL over the quarantined rides).
 */
abstract class RideRows implements TableDefinition {

    private final String table;

    RideRows(String table) {
        this.table = table;
    }

    @Override
    public void write(RunScope run, Writes out) {
        String file = table + ".sql";
        out.replace(table, run.sql(file, Map.of("rides", run.quarantined())), run.sql(file, Map.of("rides", run.kept())));
    }
}
