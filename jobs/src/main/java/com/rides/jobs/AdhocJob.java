package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.adhoc.BoundStatement;
import com.rides.adhoc.CassandraSink;
import com.rides.adhoc.ResultSink;
import com.rides.adhoc.ScanReport;
import com.rides.adhoc.SqlParameters;
import com.rides.adhoc.SqlScript;
import com.rides.adhoc.StatementRunner;
import com.rides.adhoc.TableViews;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.schema.SchemaCheck;
import com.rides.spark.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.ExplainMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * `adhoc --sql FILE`: an analyst's Spark SQL over the raw and result tables, which
 * are registered as views under their own names. Parameters are written :name in the
 * SQL and given as --param name=value; the last statement's result is printed, or
 * written with --out; --explain shows how each table would be read instead.
 */
@Command(name = "adhoc", mixinStandardHelpOptions = true,
        description = "Run a Spark SQL file over the raw and result tables (registered as views).")
public class AdhocJob extends CliCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--sql", required = true, paramLabel = "FILE",
            description = "the SQL file; statements separated by ';' (bundled ones: sql/adhoc/*.sql)")
    String sqlFile;

    @Mixin
    QueryOptions query;

    @Override
    public Integer call() {
        RidesConfig config = cluster.toConfig(System.getenv());
        SqlScript script = SqlScript.read(sqlFile);
        List<BoundStatement> statements = SqlParameters.parse(query.params).bindStatements(script);
        ResultSink sink = query.out == null ? null : ResultSink.parse(query.out);
        if (sink == null && !query.key.isEmpty()) {
            throw new ConfigException("--key only applies to --out cassandra:KEYSPACE.TABLE");
        }
        if (sink != null && sink.kind() == ResultSink.Kind.CASSANDRA) {
            CassandraSink.checkAllowed(CassandraSink.Name.parse(sink.target()), config);
            if (query.key.isEmpty()) {
                throw new ConfigException("--out " + query.out + " needs --key COLUMN[,COLUMN...] (partition key first)");
            }
        }
        query.checkLimit();
        long start = System.nanoTime();
        Progress progress = Progress.toConsole(err());
        progress.say("adhoc: connecting to " + String.join(",", config.hosts()) + " and starting Spark ...");
        try (CqlSession session = CassandraSessions.open(config)) {
            SchemaCheck.requireAll(session, config);
            Dataset<Row> result = result(config, statements);
            progress.say(String.format(Locale.ROOT, "adhoc: Spark ready in %.1f s; running %s (%d statement%s) ...",
                    (System.nanoTime() - start) / 1e9, script.source(), statements.size(), statements.size() == 1 ? "" : "s"));
            if (query.explain) {
                out().print(explain(result));
                out().flush();
                return 0;
            }
            if (sink == null) {
                out().print(render(result, script.source(), query.limit));
                out().flush();
                return 0;
            }
            long rows = sink.kind() == ResultSink.Kind.CASSANDRA
                    ? new CassandraSink(session, config).write(result, CassandraSink.Name.parse(sink.target()), query.key,
                    query.replace, script.source())
                    : sink.writeFile(result);
            out().printf("adhoc %s: wrote %d rows to %s; %.1f s%n", script.source(), rows, query.out,
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }

    /** The last statement's result, the tables registered as views in the job's Spark session. */
    static Dataset<Row> result(RidesConfig config, List<BoundStatement> statements) {
        SparkSession spark = SparkSessions.create(config, "rides adhoc");
        TableViews.register(spark, config);
        return StatementRunner.run(spark, statements);
    }

    /** The Cassandra reads of the plan, one line each, then Spark's physical plan. */
    static String explain(Dataset<Row> result) {
        StringBuilder s = new StringBuilder("== Cassandra reads ==\n");
        List<ScanReport.Read> reads = ScanReport.of(result);
        reads.forEach(r -> s.append(r).append('\n'));
        if (reads.isEmpty()) {
            s.append("(none)\n");
        }
        s.append(result.queryExecution().explainString(ExplainMode.fromString("simple")));
        return s.toString();
    }

    static String render(Dataset<Row> result, String source, int limit) {
        List<Row> rows = result.limit(limit + 1).collectAsList();
        String[] columns = result.columns();
        String title = "Result of " + source + (rows.size() > limit ? " (first " + limit + " rows)" : " (" + rows.size() + " rows)");
        ConsoleTable table = new ConsoleTable(title, columns);
        for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
            Object[] cells = new Object[columns.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(row, i);
            }
            table.row(cells);
        }
        return table.render();
    }

    static String cell(Row row, int i) {
        if (row.isNullAt(i)) {
            return null;
        }
        Object v = row.get(i);
        if (v instanceof Double || v instanceof Float) {
            return String.format(Locale.ROOT, "%.3f", ((Number) v).doubleValue());
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof scala.collection.Map<?, ?>) {
            return row.getJavaMap(i).toString();
        }
        if (v instanceof scala.collection.Seq<?>) {
            return row.getList(i).toString();
        }
        return v.toString();
    }
}
