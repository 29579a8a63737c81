package com.rides.jobs;

import java.io.PrintWriter;

/**
 * Lines for a person who waits: shown on stderr when the command runs at a terminal,
 * left out when its output goes to a pipe, a file or a test, whose readers want only
 * the results.
 */
final class Progress {

    private final PrintWriter err;

    private Progress(PrintWriter err) {
        this.err = err;
    }

    /** Lines to {@code to} at a terminal; none elsewhere (or when {@code to} is null). */
    static Progress toConsole(PrintWriter err) {
        return new Progress(System.console() != null ? err : null);
    }

    void say(String line) {
        if (err != null) {
            err.println(line);
            err.flush();
        }
    }
}
