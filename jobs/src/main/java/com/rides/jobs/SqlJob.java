package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.adhoc.ShellInput;
import com.rides.adhoc.SqlScript;
import com.rides.adhoc.TableViews;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.schema.SchemaCheck;
import com.rides.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `sql`: an interactive Spark SQL shell over the views of `adhoc`, in one warm Spark
 * session, so that after start-up a query costs its own time, not Spark's start. At a
 * terminal it reads lines with JLine (editing, history in ~/.rides_sql_history);
 * from a pipe it reads standard input as it comes, without prompts. -e SQL and -f FILE
 * run a script instead and exit, failing on the first error like adhoc.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Interactive Spark SQL over the raw and result tables (the views of adhoc), in one warm session.")
public class SqlJob extends CliCommand implements Callable<Integer> {

    static final String PROMPT = "rides> ";
    static final String MORE = "    -> ";

    @Mixin
    ClusterOptions cluster;

    @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "run these statements and exit")
    String execute;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "run this file of statements and shell commands and exit (sql/adhoc/*.sql too)")
    String file;

    @Mixin
    QueryOptions query;

    @Override
    public Integer call() {
        RidesConfig config = cluster.toConfig(System.getenv());
        if (execute != null && file != null) {
            throw new ConfigException("-e and -f exclude each other");
        }
        boolean script = execute != null || file != null;
        if (!script && (query.out != null || query.explain)) {
            throw new ConfigException((query.explain ? "--explain" : "--out") + " applies to -e or -f (in the shell: \\"
                    + (query.explain ? "explain" : "out") + ")");
        }
        query.checkLimit();
        List<ShellInput.Item> items = script ? items(execute != null ? "-e" : file,
                execute != null ? execute : SqlScript.readText(file)) : List.of();
        Progress progress = Progress.toConsole(err());
        long start = System.nanoTime();
        progress.say("sql: connecting to " + String.join(",", config.hosts()) + " and starting Spark ...");
        try (CqlSession session = CassandraSessions.open(config)) {
            SchemaCheck.requireAll(session, config);
            SparkSession spark = SparkSessions.create(config, "rides sql");
            TableViews.register(spark, config);
            SqlShell shell = new SqlShell(spark, session, config, out(), query.limit);
            query.params.forEach(shell::setParam);
            if (script) {
                runScript(shell, items);
                return 0;
            }
            boolean terminal = System.console() != null;
            // The first Spark job of a session pays for connecting the executors to Cassandra
            // and warming the planner: pay it before the prompt, not on the analyst's first query.
            spark.sql("SELECT count(*) FROM job_runs WHERE job = 'nightly'").collect();
            if (terminal) {
                err().printf("rides sql: ready in %.1f s; %d views (\\views), \\help for commands, \\q to leave%n",
                        (System.nanoTime() - start) / 1e9, TableViews.names().size());
                err().flush();
            }
            interactive(shell, terminal ? jline(() -> spark.sparkContext().cancelAllJobs()) : plain());
            return 0;
        }
    }

    /** -e and -f: every item in order; --out and --explain belong to the last statement. */
    private void runScript(SqlShell shell, List<ShellInput.Item> items) {
        int last = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ShellInput.Statement) {
                last = i;
            }
        }
        if (last < 0 && (query.out != null || query.explain)) {
            throw new ConfigException("no statement to " + (query.explain ? "explain" : "write"));
        }
        for (int i = 0; i < items.size(); i++) {
            if (i == last && query.explain) {
                shell.explainNext();
            } else if (i == last && query.out != null) {
                shell.outNext(query.out, query.key, query.replace);
            }
            try {
                shell.run(items.get(i));
            } catch (SqlShell.Quit q) {
                return;
            }
        }
    }

    static List<ShellInput.Item> items(String source, String text) {
        ShellInput input = new ShellInput(source, false);
        List<ShellInput.Item> items = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            items.addAll(input.feed(line));
        }
        items.addAll(input.finish());
        return items;
    }

    /** The session: an error is shown in one line and the session goes on. */
    private void interactive(SqlShell shell, Lines lines) {
        ShellInput input = new ShellInput("input", true);
        try {
            while (true) {
                String line;
                try {
                    line = lines.next(input.pending() ? MORE : PROMPT);
                } catch (UserInterruptException e) {
                    input.discard(); // Ctrl-C drops the statement being typed
                    continue;
                }
                List<ShellInput.Item> items;
                if (line == null) {
                    items = input.finish();
                } else if (!input.pending() && List.of("exit", "quit").contains(line.strip().toLowerCase(java.util.Locale.ROOT))) {
                    return;
                } else {
                    items = input.feed(line);
                }
                for (ShellInput.Item item : items) {
                    try {
                        shell.run(item);
                    } catch (SqlShell.Quit q) {
                        return;
                    } catch (RuntimeException e) {
                        err().println("rides: " + Rides.describe(e));
                        err().flush();
                    }
                }
                if (line == null) {
                    return;
                }
            }
        } finally {
            lines.close();
        }
    }

    /** Where the session's lines come from. */
    interface Lines extends AutoCloseable {
        /** The next line, or null at the end of the input. */
        String next(String prompt);

        @Override
        void close();
    }

    private static Lines plain() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new Lines() {
            @Override
            public String next(String prompt) {
                try {
                    return in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
            }
        };
    }

    /** @param onInterrupt what Ctrl-C does while a statement runs (at the prompt it drops the line typed) */
    private static Lines jline(Runnable onInterrupt) {
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).build();
            // Ctrl-C while a query runs cancels its Spark jobs; the statement fails and the session goes on.
            terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("rides sql")
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".rides_sql_history"))
                    // '!' is SQL (a != b), not a history reference.
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            return new Lines() {
                @Override
                public String next(String prompt) {
                    try {
                        return reader.readLine(prompt);
                    } catch (EndOfFileException e) {
                        return null;
                    }
                }

                @Override
                public void close() {
                    try {
                        reader.getHistory().save();
                        terminal.close();
                    } catch (IOException e) {
                        // the history is a convenience: losing it does not fail the session
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }
}
