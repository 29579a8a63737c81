package com.rides.merge;

import com.rides.merge.ListDecision.Entry;
import com.rides.merge.ListDecision.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One list at a time, lists of size 3; "w1" etc. are rides, "r1" etc. riders. */
class ListDecisionTest {

    private static final int SIZE = 3;

    private static Entry stored(String workout, String rider, Double value, boolean reprocessed) {
        // A top list's rows carry no holder; their shown columns are never null here.
        return new Entry(Arrays.asList(workout, rider == null ? "shown" : rider, value), workout, rider, value,
                reprocessed);
    }

    private static Entry kept(String workout, Double value) {
        return stored(workout, null, value, false);
    }

    private static Entry candidate(String workout, String rider, Double value) {
        return stored(workout, rider, value, false);
    }

    private static Entry candidate(String workout, Double value) {
        return candidate(workout, null, value);
    }

    /** A full list: 30, 20, 10, none reprocessed. */
    private static List<Entry> full() {
        return List.of(kept("w1", 30.0), kept("w2", 20.0), kept("w3", 10.0));
    }

    @Test
    void aNewListTakesItsCandidates() {
        assertEquals(Outcome.MERGED, ListDecision.decide(List.of(), List.of(candidate("w9", 5.0)), SIZE));
    }

    @Test
    void aCandidateBelowAFullListsLastEntryChangesNothing() {
        assertEquals(Outcome.UNCHANGED, ListDecision.decide(full(), List.of(candidate("w9", 9.0)), SIZE));
    }

    @Test
    void aCandidateTyingTheLastEntryMayEnter() {
        assertEquals(Outcome.MERGED, ListDecision.decide(full(), List.of(candidate("w9", 10.0)), SIZE));
    }

    @Test
    void anyCandidateEntersAListWithRoomLeft() {
        List<Entry> two = List.of(kept("w1", 30.0), kept("w2", 20.0));
        assertEquals(Outcome.MERGED, ListDecision.decide(two, List.of(candidate("w9", 1.0)), SIZE));
    }

    @Test
    void aCandidateWithoutValueEntersNoFullList() {
        assertEquals(Outcome.UNCHANGED, ListDecision.decide(full(), List.of(candidate("w9", null)), SIZE));
    }

    @Test
    void aReprocessedRideThatStaysAsStoredChangesNothing() {
        List<Entry> stored = List.of(kept("w1", 30.0), stored("w2", null, 20.0, true), kept("w3", 10.0));
        assertEquals(Outcome.UNCHANGED, ListDecision.decide(stored, List.of(candidate("w2", 20.0)), SIZE));
    }

    @Test
    void aReprocessedRideThatGainsIsMerged() {
        List<Entry> stored = List.of(kept("w1", 30.0), stored("w2", null, 20.0, true), kept("w3", 10.0));
        List<Entry> candidates = List.of(candidate("w2", 25.0));
        assertEquals(Outcome.MERGED, ListDecision.decide(stored, candidates, SIZE));
        // Its stored entry gives way to the candidate.
        assertEquals(List.of(stored.get(0), stored.get(2), candidates.get(0)),
                ListDecision.rankedFrom(Outcome.MERGED, stored, candidates));
    }

    @Test
    void aReprocessedRideThatLostValueOrLeftIsRecomputedFromSource() {
        List<Entry> stored = List.of(kept("w1", 30.0), stored("w2", null, 20.0, true), kept("w3", 10.0));
        assertEquals(Outcome.RECOMPUTE, ListDecision.decide(stored, List.of(candidate("w2", 19.0)), SIZE));
        assertEquals(Outcome.RECOMPUTE, ListDecision.decide(stored, List.of(), SIZE), "quarantined: no candidate");
        assertEquals(Outcome.RECOMPUTE, ListDecision.decide(stored, List.of(candidate("w2", null)), SIZE));
        List<Entry> candidates = List.of(candidate("w9", 50.0));
        // The source gives the other entries: only the candidates come from the merge.
        assertEquals(candidates, ListDecision.rankedFrom(Outcome.RECOMPUTE, stored, candidates));
    }

    @Test
    void aStoredEntryWithoutValueIsNotMadeWorseByAValue() {
        List<Entry> stored = List.of(kept("w1", 30.0), stored("w2", null, null, true), kept("w3", 10.0));
        assertEquals(Outcome.MERGED, ListDecision.decide(stored, List.of(candidate("w2", 12.0)), SIZE));
    }

    @Test
    void aCandidateWithANullColumnIsNeverTakenForItsStoredEntry() {
        List<Entry> stored = new ArrayList<>(full());
        Entry nullRider = new Entry(Arrays.asList("w3", null, 10.0), "w3", null, 10.0, false);
        stored.set(2, nullRider);
        // Equal on every column, but a null never matches (as in SQL): it counts as new and ties the last entry.
        assertEquals(Outcome.MERGED, ListDecision.decide(stored, List.of(nullRider), SIZE));
    }

    @Test
    void aRiderBelowTheirOwnStoredEntryCannotMoveTheirPlace() {
        List<Entry> board = List.of(stored("w1", "r1", 30.0, false), stored("w2", "r2", 20.0, false),
                stored("w3", "r3", 10.0, false));
        assertEquals(Outcome.UNCHANGED, ListDecision.decide(board, List.of(candidate("w9", "r1", 25.0)), SIZE));
        assertEquals(Outcome.MERGED, ListDecision.decide(board, List.of(candidate("w9", "r1", 31.0)), SIZE));
        assertEquals(Outcome.MERGED, ListDecision.decide(board, List.of(candidate("w9", "r4", 15.0)), SIZE));
        assertEquals(Outcome.UNCHANGED, ListDecision.decide(board, List.of(candidate("w9", "r4", 5.0)), SIZE));
    }

    @Test
    void anUnchangedListIsNotRankedAgain() {
        assertEquals(List.of(), ListDecision.rankedFrom(Outcome.UNCHANGED, full(), List.of(candidate("w9", 1.0))));
    }
}
