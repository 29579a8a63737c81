package com.rides.jobs;

import com.rides.config.RidesConfig;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the launcher's commands in-process against a test's keyspaces. */
final class Cli {

    record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    static Result run(RidesConfig config, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--hosts", String.join(",", config.hosts()), "--local-dc", config.localDcOrDefault(),
                "--raw-keyspace", config.rawKeyspace(), "--stats-keyspace", config.statsKeyspace()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Rides.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(new String[0]));
        return new Result(code, out.toString(), err.toString());
    }

    static Result ok(RidesConfig config, String... args) {
        Result r = run(config, args);
        if (r.code() != 0) {
            throw new AssertionError(String.join(" ", args) + " exited " + r.code() + ": " + r.err());
        }
        return r;
    }
}
