package com.rides.merge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NightSizeTest {

    @Test
    void aSmallNightIsOnePartition() {
        assertEquals(1, NightSize.partitions(0, 4));
        assertEquals(1, NightSize.partitions(906, 4));
        assertEquals(1, NightSize.partitions(NightSize.RIDES_PER_PARTITION, 4));
    }

    @Test
    void oneMorePartitionPerStartedBlockOfRides() {
        assertEquals(2, NightSize.partitions(NightSize.RIDES_PER_PARTITION + 1, 4));
        assertEquals(3, NightSize.partitions(3 * NightSize.RIDES_PER_PARTITION, 4));
    }

    @Test
    void theConfiguredPartitionsAreTheCeiling() {
        assertEquals(4, NightSize.partitions(10_000_000, 4));
        assertEquals(200, NightSize.partitions(100_000_000, 200));
        assertEquals(1, NightSize.partitions(10_000_000, 1));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> NightSize.partitions(10, 0));
        assertThrows(IllegalArgumentException.class, () -> NightSize.partitions(-1, 4));
    }
}
