package com.rides.bench;

import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sums Spark's own task metrics over a run: bytes and records the tasks read from
 * their input (the connector reports what it fetched from Cassandra), and bytes
 * they wrote to shuffle files; how many jobs and tasks ran and for how long (task
 * time against wall time tells executor work from driver-side planning). Reset
 * before a run, read after it.
 */
final class ShuffleListener extends SparkListener {

    /** What the tasks of one run read and shuffled. */
    record Totals(long inputBytes, long inputRecords, long shuffleBytesWritten, long shuffleRecordsWritten, long tasks,
                  long jobs, double taskSeconds) {

        /** Shuffle bytes written as a share of the bytes read (NaN when nothing was read). */
        double shuffleShare() {
            return inputBytes > 0 ? (double) shuffleBytesWritten / inputBytes : Double.NaN;
        }
    }

    private final LongAdder inputBytes = new LongAdder();
    private final LongAdder inputRecords = new LongAdder();
    private final LongAdder shuffleBytes = new LongAdder();
    private final LongAdder shuffleRecords = new LongAdder();
    private final LongAdder tasks = new LongAdder();
    private final LongAdder jobs = new LongAdder();
    private final LongAdder taskMillis = new LongAdder();
    private final Map<Integer, String> stageWork = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> shuffleByWork = new ConcurrentHashMap<>();
    private final SparkContext context;

    private ShuffleListener(SparkContext context) {
        this.context = context;
    }

    static ShuffleListener attach(SparkContext context) {
        ShuffleListener listener = new ShuffleListener(context);
        context.addSparkListener(listener);
        return listener;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (m == null) {
            return;
        }
        inputBytes.add(m.inputMetrics().bytesRead());
        inputRecords.add(m.inputMetrics().recordsRead());
        shuffleBytes.add(m.shuffleWriteMetrics().bytesWritten());
        if (m.shuffleWriteMetrics().bytesWritten() > 0) {
            shuffleByWork.computeIfAbsent(stageWork.getOrDefault(end.stageId(), "(unnamed)"), k -> new LongAdder())
                    .add(m.shuffleWriteMetrics().bytesWritten());
        }
        shuffleRecords.add(m.shuffleWriteMetrics().recordsWritten());
        tasks.increment();
        taskMillis.add(m.executorRunTime());
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String description = start.properties() == null ? null : start.properties().getProperty("spark.job.description");
        String work = description == null ? "(unnamed)" : description.substring(description.lastIndexOf(": ") + 1).trim();
        scala.collection.Iterator<Object> ids = start.stageIds().iterator();
        while (ids.hasNext()) {
            stageWork.put((Integer) ids.next(), work);
        }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        jobs.increment();
    }

    void reset() {
        drain();
        inputBytes.reset();
        inputRecords.reset();
        shuffleBytes.reset();
        shuffleRecords.reset();
        tasks.reset();
        jobs.reset();
        taskMillis.reset();
        stageWork.clear();
        shuffleByWork.clear();
    }

    /** Shuffle bytes written since the last reset per job description, largest first. */
    Map<String, Long> shuffleByWork() {
        drain();
        Map<String, Long> out = new LinkedHashMap<>();
        shuffleByWork.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue().sum()));
        return out;
    }

    /** The totals since the last reset, once the listener bus has delivered every event. */
    Totals totals() {
        drain();
        return new Totals(inputBytes.sum(), inputRecords.sum(), shuffleBytes.sum(), shuffleRecords.sum(), tasks.sum(),
                jobs.sum(), taskMillis.sum() / 1e3);
    }

    private void drain() {
        try {
            // Events reach listeners asynchronously; wait until the bus has delivered them.
            context.listenerBus().waitUntilEmpty();
        } catch (Exception e) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
