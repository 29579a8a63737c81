package com.rides.jobs;

import com.rides.config.ConfigException;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** What `adhoc` and `sql` share: parameters, where the last statement's result goes, rows printed. */
public class QueryOptions {

    @Option(names = "--param", paramLabel = "NAME[:TYPE]=VALUE",
            description = "value of :NAME in the SQL (repeatable); TYPE is string, int, double, date, timestamp, "
                    + "uuid or boolean, read from the value's shape when left out")
    List<String> params = new ArrayList<>();

    @Option(names = "--out", paramLabel = "PATH",
            description = "write the (last statement's) result to FILE.csv, DIR.parquet or cassandra:KEYSPACE.TABLE "
                    + "instead of printing it")
    String out;

    @Option(names = "--key", split = ",", paramLabel = "COLUMN",
            description = "primary key of a cassandra: output, partition key first (required there)")
    List<String> key = new ArrayList<>();

    @Option(names = "--replace", description = "replace an existing cassandra: output table made by adhoc or sql")
    boolean replace;

    @Option(names = "--explain", description = "print how each table is read and the physical plan; do not run the last statement")
    boolean explain;

    @Option(names = "--limit", paramLabel = "N", description = "rows to print of a result (default 200)")
    int limit = 200;

    void checkLimit() {
        if (limit < 1) {
            throw new ConfigException("--limit must be positive, got " + limit);
        }
    }
}
