package com.rides.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a run does to one stored ranked list, decided from the list's stored entries and
 * the candidates of the run's rides alone (plain Java: {@link RankedListMerge} hands it
 * one list at a time). The merge of a stored list with new candidates is exact while
 * every stored entry keeps or gains value; where one lost value or left, the next entry
 * is unknown and the list must be recomputed from its complete source.
 */
public final class ListDecision {

    /** What becomes of a list. */
    public enum Outcome {
        /** Its stored rows stand: no candidate can enter it and no entry got worse. */
        UNCHANGED,
        /** It is ranked anew from its stored entries (less the run's rides) and the candidates. */
        MERGED,
        /** An entry lost value or left: it is ranked anew from its complete source and the candidates. */
        RECOMPUTE
    }

    /**
     * One row of a list: a stored entry or a candidate.
     *
     * @param fields      every column of the row, compared to tell a candidate that is
     *                    exactly its stored entry (a null never matches, as in SQL)
     * @param workoutId   the ride the row comes from
     * @param holder      where a list holds one entry per holder, the holder (a rider); else null
     * @param value       what the list ranks by, highest first; may be null
     * @param reprocessed for a stored entry, whether its ride is one the run reprocesses
     */
    public record Entry(List<Object> fields, Object workoutId, Object holder, Double value, boolean reprocessed) {
    }

    private ListDecision() {
    }

    /**
     * @param stored     the list's stored entries (at most {@code listSize}, one per holder where it has holders)
     * @param candidates the candidates the run's kept rides give the list, one per ride
     */
    public static Outcome decide(List<Entry> stored, List<Entry> candidates, int listSize) {
        if (anyWorse(stored, candidates)) {
            return Outcome.RECOMPUTE;
        }
        Double last = null;
        for (Entry s : stored) {
            if (s.value() != null && (last == null || s.value() < last)) {
                last = s.value();
            }
        }
        for (Entry c : candidates) {
            // A candidate equal to its stored entry on every column brings nothing new;
            // one not above its holder's stored entry cannot move the holder.
            if (!isStoredAsIs(c, stored) && mayMoveHolder(c, stored)
                    && (stored.size() < listSize || atLeast(c.value(), last))) {
                return Outcome.MERGED;
            }
        }
        return Outcome.UNCHANGED;
    }

    /**
     * The rows the list is ranked from: the stored entries of rides the run does not
     * reprocess and the candidates (MERGED); the candidates only, to which the caller adds
     * the complete source (RECOMPUTE); none (UNCHANGED).
     */
    public static List<Entry> rankedFrom(Outcome outcome, List<Entry> stored, List<Entry> candidates) {
        List<Entry> rows = new ArrayList<>();
        if (outcome == Outcome.MERGED) {
            stored.stream().filter(s -> !s.reprocessed()).forEach(rows::add);
        }
        if (outcome != Outcome.UNCHANGED) {
            rows.addAll(candidates);
        }
        return rows;
    }

    /** A stored entry of a reprocessed ride that now has no candidate, or a lower one. */
    private static boolean anyWorse(List<Entry> stored, List<Entry> candidates) {
        for (Entry s : stored) {
            if (!s.reprocessed()) {
                continue;
            }
            Entry now = candidates.stream().filter(c -> Objects.equals(c.workoutId(), s.workoutId()))
                    .findFirst().orElse(null);
            if (now == null || now.value() == null || (s.value() != null && now.value() < s.value())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStoredAsIs(Entry candidate, List<Entry> stored) {
        if (candidate.fields().contains(null)) {
            return false;
        }
        return stored.stream().anyMatch(s -> s.fields().equals(candidate.fields()));
    }

    private static boolean mayMoveHolder(Entry candidate, List<Entry> stored) {
        if (candidate.holder() == null) {
            return true;
        }
        boolean held = false;
        for (Entry s : stored) {
            if (candidate.holder().equals(s.holder())) {
                held = true;
                if (s.value() == null || atLeast(candidate.value(), s.value())) {
                    return true;
                }
            }
        }
        return !held;
    }

    /** SQL's {@code a >= b}: false where either is null. */
    private static boolean atLeast(Double a, Double b) {
        return a != null && b != null && a >= b;
    }
}
