package com.rides.generate;

/** Pearson correlation, accumulated one pair at a time. */
final class Correlation {

    private long n;
    private double sx;
    private double sy;
    private double sxx;
    private double syy;
    private double sxy;

    void add(double x, double y) {
        n++;
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
    }

    long count() {
        return n;
    }

    double value() {
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        return cov / Math.sqrt(vx * vy);
    }
}
