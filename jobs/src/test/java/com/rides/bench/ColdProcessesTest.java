package com.rides.bench;

import com.rides.runs.Timeline;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ColdProcessesTest {

    @Test
    void aNightsMarksBecomePhasesTheWritesOneAndTheExitWhatFollowsTheLastMark() {
        List<Timeline.Mark> marks = List.of(new Timeline.Mark("launcher started, options read", 1.5),
                new Timeline.Mark("connected to Cassandra", 2.0), new Timeline.Mark("rows counted", 10.0),
                new Timeline.Mark("wrote workout_summary", 12.0), new Timeline.Mark("wrote class_stats", 15.5),
                new Timeline.Mark("days marked processed", 16.0));
        Map<String, Double> phases = ColdProcesses.phasesOf(marks, 18.0);
        assertEquals(List.of(ColdProcesses.JVM_START, "connected to Cassandra", "rows counted", ColdProcesses.STEPS,
                "days marked processed", ColdProcesses.EXIT), List.copyOf(phases.keySet()));
        assertEquals(1.5, phases.get(ColdProcesses.JVM_START), 1e-9);
        assertEquals(5.5, phases.get(ColdProcesses.STEPS), 1e-9);
        assertEquals(2.0, phases.get(ColdProcesses.EXIT), 1e-9);
        assertEquals(18.0, phases.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9, "they add up");
    }
}
