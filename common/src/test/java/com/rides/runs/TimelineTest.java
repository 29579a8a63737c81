package com.rides.runs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TimelineTest {

    @Test
    void marksAreSecondsSinceTheJvmStartedAndReadBackFromTheirLines() {
        Timeline t = new Timeline(10_000);
        t.add("connected to Cassandra", 11_250);
        t.add("wrote workout_summary", 23_400);
        assertEquals(List.of("timing   1.25 s  connected to Cassandra", "timing  13.40 s  wrote workout_summary"),
                t.lines());
        assertEquals(new Timeline.Mark("wrote workout_summary", 13.4), Timeline.parse(t.lines().get(1)));
        assertNull(Timeline.parse("  13.4 s  wrote workout_summary"));
    }
}
