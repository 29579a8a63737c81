package com.rides.generate;

import java.util.Arrays;

/**
 * The {@code samples} rows of one ride, in primitive arrays: a 90-minute ride is
 * 5,400 rows and a data set has millions, so samples are produced one ride at a
 * time into a buffer that the caller may reuse ({@link SyntheticRides#samples(PlannedRide, RideSamples)}).
 * A null column value is a bit in a per-row mask. Rows are in offset order, except
 * that {@link Fault#BAD_OFFSET} rows come last.
 */
public final class RideSamples {

    private static final int INITIAL_CAPACITY = 1024;

    private int size;
    private int[] offsetS = new int[INITIAL_CAPACITY];
    private int[] cadenceRpm = new int[INITIAL_CAPACITY];
    private int[] resistancePct = new int[INITIAL_CAPACITY];
    private int[] outputW = new int[INITIAL_CAPACITY];
    private int[] heartRateBpm = new int[INITIAL_CAPACITY];
    private float[] speedKph = new float[INITIAL_CAPACITY];
    private byte[] nulls = new byte[INITIAL_CAPACITY];
    /** Seconds the rider rode (before faults removed or added rows): the denominator of sample fault shares. */
    private int riddenSeconds;
    private final long[] faultCounts = new long[Fault.values().length];

    public int size() {
        return size;
    }

    public int riddenSeconds() {
        return riddenSeconds;
    }

    /** Rows of this ride that got {@code fault} (for {@link Fault#SAMPLE_GAP}: seconds missing). */
    public long faultCount(Fault fault) {
        return faultCounts[fault.ordinal()];
    }

    public int offsetS(int row) {
        return offsetS[check(row)];
    }

    public Integer cadenceRpm(int row) {
        return isNull(row, SampleField.CADENCE_RPM) ? null : cadenceRpm[row];
    }

    public Integer resistancePct(int row) {
        return isNull(row, SampleField.RESISTANCE_PCT) ? null : resistancePct[row];
    }

    public Integer outputW(int row) {
        return isNull(row, SampleField.OUTPUT_W) ? null : outputW[row];
    }

    public Integer heartRateBpm(int row) {
        return isNull(row, SampleField.HEART_RATE_BPM) ? null : heartRateBpm[row];
    }

    public Float speedKph(int row) {
        return isNull(row, SampleField.SPEED_KPH) ? null : speedKph[row];
    }

    public boolean isNull(int row, SampleField field) {
        return (nulls[check(row)] & field.bit()) != 0;
    }

    /** The field's value as a double (NaN when null), for checks and statistics. */
    public double value(int row, SampleField field) {
        if (isNull(row, field)) {
            return Double.NaN;
        }
        return switch (field) {
            case CADENCE_RPM -> cadenceRpm[row];
            case RESISTANCE_PCT -> resistancePct[row];
            case OUTPUT_W -> outputW[row];
            case HEART_RATE_BPM -> heartRateBpm[row];
            case SPEED_KPH -> speedKph[row];
        };
    }

    // ---- filled by the simulator and the fault injector ----

    void reset(int riddenSeconds) {
        this.size = 0;
        this.riddenSeconds = riddenSeconds;
        Arrays.fill(faultCounts, 0);
        ensureCapacity(riddenSeconds);
    }

    void append(int offset, int cadence, int resistance, int output, int heartRate, float speed) {
        ensureCapacity(size + 1);
        offsetS[size] = offset;
        cadenceRpm[size] = cadence;
        resistancePct[size] = resistance;
        outputW[size] = output;
        heartRateBpm[size] = heartRate;
        speedKph[size] = speed;
        nulls[size] = 0;
        size++;
    }

    /** Appends a copy of {@code row} under another offset. */
    void appendCopy(int row, int offset) {
        append(offset, cadenceRpm[row], resistancePct[row], outputW[row], heartRateBpm[row], speedKph[row]);
        nulls[size - 1] = nulls[row];
    }

    void setNull(int row, SampleField field) {
        nulls[row] |= (byte) field.bit();
    }

    /** Sets a (possibly invalid) value; for speed the value is stored as a float. */
    void set(int row, SampleField field, double value) {
        nulls[row] &= (byte) ~field.bit();
        switch (field) {
            case CADENCE_RPM -> cadenceRpm[row] = (int) value;
            case RESISTANCE_PCT -> resistancePct[row] = (int) value;
            case OUTPUT_W -> outputW[row] = (int) value;
            case HEART_RATE_BPM -> heartRateBpm[row] = (int) value;
            case SPEED_KPH -> speedKph[row] = (float) value;
        }
    }

    /** Removes the rows whose {@code drop} flag is set, keeping the order of the rest. */
    void removeRows(boolean[] drop) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!drop[i]) {
                offsetS[kept] = offsetS[i];
                cadenceRpm[kept] = cadenceRpm[i];
                resistancePct[kept] = resistancePct[i];
                outputW[kept] = outputW[i];
                heartRateBpm[kept] = heartRateBpm[i];
                speedKph[kept] = speedKph[i];
                nulls[kept] = nulls[i];
                kept++;
            }
        }
        size = kept;
    }

    void clearRows() {
        size = 0;
    }

    void count(Fault fault, long rows) {
        faultCounts[fault.ordinal()] += rows;
    }

    private int check(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        return row;
    }

    private void ensureCapacity(int needed) {
        if (needed <= offsetS.length) {
            return;
        }
        int capacity = Math.max(needed, offsetS.length * 2);
        offsetS = Arrays.copyOf(offsetS, capacity);
        cadenceRpm = Arrays.copyOf(cadenceRpm, capacity);
        resistancePct = Arrays.copyOf(resistancePct, capacity);
        outputW = Arrays.copyOf(outputW, capacity);
        heartRateBpm = Arrays.copyOf(heartRateBpm, capacity);
        speedKph = Arrays.copyOf(speedKph, capacity);
        nulls = Arrays.copyOf(nulls, capacity);
    }
}
