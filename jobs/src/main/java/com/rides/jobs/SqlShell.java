package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.adhoc.BoundStatement;
import com.rides.adhoc.CassandraSink;
import com.rides.adhoc.ResultSink;
import com.rides.adhoc.ShellInput;
import com.rides.adhoc.SqlParameters;
import com.rides.adhoc.SqlScript;
import com.rides.adhoc.StatementRunner;
import com.rides.adhoc.TableViews;
import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL shell's session: one warm Spark session with the tables as views, the
 * parameters set so far, and what the next statement's result is for (printed,
 * explained, or written to a file or table). Runs statements and shell commands as
 * {@link ShellInput} cuts them, from the keyboard, a pipe, a file or -e.
 */
final class SqlShell {

    static final String HELP = """
            Statements end with ';' and may span lines. Parameters are written :name (as in adhoc).
              \\set [NAME[:TYPE] VALUE]   set a parameter (TYPE: string, int, double, date, timestamp, uuid,
                                         boolean; else read from the value's shape); alone: list them
              \\unset NAME                forget a parameter
              \\explain STATEMENT;        how the statement reads Cassandra, and its physical plan; not run
              \\out PATH [--key C,...] [--replace]
                                         write the next result to FILE.csv, DIR.parquet or
                                         cassandra:KEYSPACE.TABLE (--key: its primary key) instead of printing it
              \\i FILE                    run a file of statements and commands (sql/adhoc/*.sql too)
              \\limit N                   rows printed of a result (now %d)
              \\views                     the tables, as views
              \\help                      this text
              \\q                         leave (also: exit, quit, Ctrl-D)
            """;

    /** A shell command that ends the session. */
    static final class Quit extends RuntimeException {
        Quit() {
            super(null, null, false, false);
        }
    }

    private final SparkSession spark;
    private final CqlSession session;
    private final RidesConfig config;
    private final PrintWriter out;
    private final Map<String, String> params = new LinkedHashMap<>();
    private int limit;
    private int statements;
    private boolean explainNext;
    private ResultSink sinkNext;
    private List<String> keyNext = List.of();
    private boolean replaceNext;

    SqlShell(SparkSession spark, CqlSession session, RidesConfig config, PrintWriter out, int limit) {
        this.spark = spark;
        this.session = session;
        this.config = config;
        this.out = out;
        this.limit = limit;
    }

    /** A parameter from the command line or \set: name[:type]=value, checked at once. */
    void setParam(String arg) {
        SqlParameters.parse(List.of(arg)); // a bad name, type or value fails here, not at the next statement
        int eq = arg.indexOf('=');
        String key = arg.substring(0, eq).strip();
        int colon = key.indexOf(':');
        params.put(colon < 0 ? key : key.substring(0, colon), arg);
    }

    /** The next statement's result goes to PATH (the -e/-f --out, or \out). */
    void outNext(String path, List<String> key, boolean replace) {
        ResultSink sink = ResultSink.parse(path);
        if (sink.kind() == ResultSink.Kind.CASSANDRA) {
            CassandraSink.checkAllowed(CassandraSink.Name.parse(sink.target()), config);
            if (key.isEmpty()) {
                throw new ConfigException("--out " + path + " needs --key COLUMN[,COLUMN...] (partition key first)");
            }
        } else if (!key.isEmpty()) {
            throw new ConfigException("--key only applies to --out cassandra:KEYSPACE.TABLE");
        }
        sinkNext = sink;
        keyNext = List.copyOf(key);
        replaceNext = replace;
    }

    void explainNext() {
        explainNext = true;
    }

    boolean hasPendingTarget() {
        return explainNext || sinkNext != null;
    }

    /** Runs one item; failures are thrown, as one-line exceptions. */
    void run(ShellInput.Item item) {
        if (item instanceof ShellInput.Statement s) {
            statement(s);
        } else if (item instanceof ShellInput.Command c) {
            command(c);
        }
    }

    private void statement(ShellInput.Statement s) {
        statements++;
        boolean explain = explainNext;
        ResultSink sink = sinkNext;
        explainNext = false;
        sinkNext = null;
        BoundStatement bound = SqlParameters.parse(List.copyOf(params.values()))
                .bindStatements(s.script(), false).get(0).withLabel("statement " + statements);
        long start = System.nanoTime();
        Dataset<Row> result = StatementRunner.run(spark, bound);
        if (explain) {
            out.print(AdhocJob.explain(result));
        } else if (sink != null) {
            long rows = sink.kind() == ResultSink.Kind.CASSANDRA
                    ? new CassandraSink(session, config).write(result, CassandraSink.Name.parse(sink.target()), keyNext,
                    replaceNext, s.script().source())
                    : sink.writeFile(result);
            out.printf("wrote %d rows to %s%s; %.1f s%n", rows, sink.kind() == ResultSink.Kind.CASSANDRA
                    ? ResultSink.CASSANDRA_PREFIX : "", sink.target(), seconds(start));
        } else if (result.columns().length == 0) {
            out.printf("ok; %.1f s%n", seconds(start));
        } else {
            out.print(AdhocJob.render(result, "statement " + statements, limit));
            out.printf("%.1f s%n", seconds(start));
        }
        out.flush();
    }

    private void command(ShellInput.Command c) {
        switch (c.name()) {
            case "q", "quit", "exit" -> throw new Quit();
            case "help", "?", "h" -> out.print(HELP.formatted(limit));
            case "set" -> set(c.args());
            case "unset" -> {
                if (params.remove(c.args()) == null) {
                    throw new ConfigException("\\unset: no parameter '" + c.args() + "' (\\set lists them)");
                }
            }
            case "explain" -> explainNext();
            case "out" -> out(c.args());
            case "i", "include", "run" -> include(c.args());
            case "limit" -> limit(c.args());
            case "views" -> views();
            default -> throw new ConfigException("unknown command \\" + c.name() + " (\\help lists them)");
        }
        out.flush();
    }

    private void set(String args) {
        if (args.isEmpty()) {
            if (params.isEmpty()) {
                out.println("no parameters set (\\set NAME VALUE)");
            }
            params.values().forEach(p -> out.println("  " + p.replaceFirst("=", " = ")));
            return;
        }
        String[] parts = args.split("\\s+", 2);
        if (parts.length < 2) {
            throw new ConfigException("\\set needs a name and a value: \\set NAME[:TYPE] VALUE");
        }
        setParam(parts[0] + "=" + parts[1]);
    }

    private void out(String args) {
        if (args.isEmpty()) {
            sinkNext = null; // \out alone: print the next result again
            return;
        }
        List<String> words = new ArrayList<>(Arrays.asList(args.split("\\s+")));
        String path = words.remove(0);
        List<String> key = List.of();
        boolean replace = false;
        while (!words.isEmpty()) {
            String w = words.remove(0);
            if (w.equals("--replace")) {
                replace = true;
            } else if (w.equals("--key") && !words.isEmpty()) {
                key = Arrays.asList(words.remove(0).split(","));
            } else {
                throw new ConfigException("\\out: unexpected '" + w + "' (\\out PATH [--key C,...] [--replace])");
            }
        }
        outNext(path, key, replace);
    }

    private void include(String file) {
        if (file.isEmpty()) {
            throw new ConfigException("\\i needs a file name");
        }
        ShellInput input = new ShellInput(file, false);
        List<ShellInput.Item> items = new ArrayList<>();
        for (String line : SqlScript.readText(file).split("\n", -1)) {
            items.addAll(input.feed(line));
        }
        items.addAll(input.finish());
        for (ShellInput.Item item : items) {
            run(item);
        }
    }

    private void limit(String n) {
        try {
            int v = Integer.parseInt(n.strip());
            if (v < 1) {
                throw new NumberFormatException();
            }
            limit = v;
        } catch (NumberFormatException e) {
            throw new ConfigException("\\limit needs a positive number, got '" + n + "'");
        }
    }

    private void views() {
        for (String view : TableViews.names()) {
            String keyspace = com.rides.schema.SchemaCheck.RAW_TABLES.contains(view) ? config.rawKeyspace()
                    : config.statsKeyspace();
            out.printf("  %-22s %s.%s%n", view, keyspace, view);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
