package com.rides.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The peak heap in use by this JVM (the job's JVM: Spark runs in local mode in it).
 * Two sources, the larger wins: the heap in use just before each collection (from
 * GC notifications: the true high-water marks) and a sample every 20 ms (catches
 * the peak of a phase that ends between collections).
 */
final class HeapSampler implements AutoCloseable {

    private static final long SAMPLE_MS = 20;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong overallPeak = new AtomicLong();
    private final List<Runnable> removals = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapSampler() {
        NotificationListener onGc = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(onGc, null, null);
                removals.add(() -> {
                    try {
                        emitter.removeNotificationListener(onGc);
                    } catch (Exception ignored) {
                        // already gone
                    }
                });
            }
        }
        sampler = new Thread(() -> {
            while (running) {
                record(memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long before = 0;
        for (var e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                MemoryUsage u = e.getValue();
                before += u.getUsed();
            }
        }
        record(before);
    }

    private void record(long used) {
        peak.accumulateAndGet(used, Math::max);
        overallPeak.accumulateAndGet(used, Math::max);
    }

    /** Starts a new phase: its peak begins at the heap in use now. */
    void reset() {
        peak.set(memory.getHeapMemoryUsage().getUsed());
    }

    /** The peak since the last {@link #reset()}, in bytes. */
    long peakSinceReset() {
        record(memory.getHeapMemoryUsage().getUsed());
        return peak.get();
    }

    long overallPeak() {
        return overallPeak.get();
    }

    /** The heap limit (-Xmx), in bytes. */
    long maxHeap() {
        return memory.getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        removals.forEach(Runnable::run);
    }
}
