package com.rides.checks;

/**
 * One declared check: a figure of the day, what is expected of it, and how bad a miss is.
 * The whole list is {@link DataChecks#ALL}.
 */
public record DataCheck(String name, Figure figure, Expectation expectation, CheckLevel level) {
}
