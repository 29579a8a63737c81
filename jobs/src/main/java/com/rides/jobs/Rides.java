package com.rides.jobs;

import com.rides.RidesException;
import com.rides.spark.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * The launcher's entry point: one command per job of CONTRACT.md section 6. Every
 * failure ends as one line on stderr and a non-zero exit; --verbose adds the trace.
 */
@Command(name = "rides", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        description = "Ride analytics: Spark jobs over the rides and ride_stats keyspaces.",
        subcommands = {SchemaJob.class, GenerateJob.class, NightlyJob.class, HourlyJob.class, BackfillJob.class,
                CatchUpJob.class, RebuildJob.class, StatusJob.class, ShowJob.class, ReportJob.class, AdhocJob.class, SqlJob.class,
                FloorReadJob.class})
public class Rides implements Runnable {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    /** A run finished and wrote everything, but an error-level data check failed on a day it processed. */
    public static final int EXIT_CHECKS_FAILED = 3;
    /** EX_TEMPFAIL: another run holds the run lease; nothing was done, try again later. */
    public static final int EXIT_TRY_LATER = 75;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "print stack traces on failure")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command (see --help)");
    }

    public static void main(String[] args) {
        QuietLogging.apply();
        CommandLine cli = commandLine(QuietLogging::silenceForExit);
        int code = cli.execute(args);
        // System.exit does not flush: a command that print()s without a newline (show's
        // tables) would otherwise print nothing.
        cli.getOut().flush();
        cli.getErr().flush();
        endProcess(code);
    }

    /**
     * Ends a process whose outcome is said (the launcher's, the benchmarks'). What Spark
     * logs while it stops (executors it lost because they exited, RPC messages refused by
     * a closed pool) and what the driver logs while its sessions close is not about the
     * run, whose outcome job_runs holds, and a run that succeeded must not end in error
     * lines: logging goes off first.
     */
    public static void endProcess(int code) {
        QuietLogging.silenceForExit();
        exitWithin(code, EXIT_DEADLINE_SECONDS);
    }

    /** How long stopping Spark and the shutdown hooks may take before the process halts. */
    static final int EXIT_DEADLINE_SECONDS = 60;

    /**
     * System.exit, with a deadline: the run's outcome is decided and said, so a shutdown
     * hook that waits on a cluster gone away (Spark stopping executors it cannot reach, a
     * driver session closing towards dead nodes) must not keep the scheduler's process
     * alive. Past the deadline the JVM halts with the same code. Spark is stopped first,
     * here, so that the hooks find nothing to race over ({@link SparkSessions#stopForExit}).
     */
    static void exitWithin(int code, int seconds) {
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("rides: shutdown took over " + seconds + " s; halting with exit code " + code);
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }, "exit-deadline");
        deadline.setDaemon(true);
        deadline.start();
        try {
            SparkSessions.stopForExit();
        } catch (RuntimeException e) {
            // The outcome is decided and said; the JVM's own hooks try the same again.
        }
        System.exit(code);
    }

    /** Runs a command line and returns the exit code; used by main and by the tests. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The same, with the command's output and error text captured. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(() -> { });
    }

    /** @param beforeError run before a failed command's one-line error is printed */
    static CommandLine commandLine(Runnable beforeError) {
        Rides root = new Rides();
        CommandLine cli = new CommandLine(root);
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("rides: " + oneLine(ex.getMessage()) + " (see --help)");
            err.flush();
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (!root.verbose) {
                beforeError.run();
            }
            if (root.verbose) {
                ex.printStackTrace(err);
            }
            err.println("rides: " + describe(ex));
            err.flush();
            return isUsage(ex) ? EXIT_USAGE : isLeaseHeld(ex) ? EXIT_TRY_LATER : EXIT_FAILED;
        });
        return cli;
    }

    /** A bad option value found after parsing (a range backwards, a bad host) is still a usage error. */
    static boolean isUsage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof com.rides.config.ConfigException) {
                return true;
            }
        }
        return false;
    }

    static boolean isLeaseHeld(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof com.rides.runs.LeaseHeldException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RidesException) {
                return oneLine(t.getMessage());
            }
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "failed: " + root.getClass().getSimpleName() + ": " + oneLine(String.valueOf(root.getMessage()))
                + " (rerun with --verbose for details)";
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
