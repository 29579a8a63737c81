package com.rides.status;

/**
 * A job's latest run and its latest successful one (either null when there is none).
 */
public record JobHistory(String job, RunSummary latest, RunSummary lastSuccess) {
}
