package com.rides.generate;

/**
 * A stretch of a class's plan: for {@code seconds} seconds the instructor asks for a
 * power (as a share of FTP) and a cadence, each ramping linearly from its start to
 * its end value (equal for a steady effort).
 */
record Segment(int seconds, double fromPctFtp, double toPctFtp, double fromCadenceRpm, double toCadenceRpm) {

    Segment {
        if (seconds < 1) {
            throw new IllegalArgumentException("segment of " + seconds + " s");
        }
    }

    static Segment steady(int seconds, double pctFtp, double cadenceRpm) {
        return new Segment(seconds, pctFtp, pctFtp, cadenceRpm, cadenceRpm);
    }

    double pctFtpAt(int second) {
        return lerp(fromPctFtp, toPctFtp, second);
    }

    double cadenceAt(int second) {
        return lerp(fromCadenceRpm, toCadenceRpm, second);
    }

    Segment truncated(int newSeconds) {
        return new Segment(newSeconds, fromPctFtp, pctFtpAt(newSeconds), fromCadenceRpm, cadenceAt(newSeconds));
    }

    private double lerp(double from, double to, int second) {
        return seconds == 1 ? from : from + (to - from) * second / (seconds - 1.0);
    }
}
