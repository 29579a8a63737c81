package com.rides.runs;

import com.rides.config.ConfigException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which days a catch-up processes: every day after the last processed one up to
 * {@code through}, and the {@code lookback} days before the first of them again (late
 * data, as nightly --date does); or, with {@code from}, exactly from … through.
 * Nothing when the last processed day is {@code through} or later.
 *
 * @param days          the days to process, oldest first (empty: nothing to do)
 * @param lastProcessed the last processed day before the catch-up, if any
 */
public record CatchUpPlan(List<LocalDate> days, Optional<LocalDate> lastProcessed, LocalDate through) {

    /** Days a catch-up would process at most in one go, as a guard against a typo in --from. */
    public static final int MAX_DAYS = 3660;

    public CatchUpPlan {
        days = List.copyOf(days);
    }

    /**
     * @param from null unless given
     * @throws ConfigException when there is no history and no {@code from}, or the range is backwards
     */
    public static CatchUpPlan of(Optional<LocalDate> lastProcessed, LocalDate from, LocalDate through, int lookback) {
        LocalDate first;
        if (from != null) {
            if (from.isAfter(through)) {
                throw new ConfigException("--from " + from + " is after --through " + through);
            }
            first = from;
        } else if (lastProcessed.isPresent()) {
            LocalDate next = lastProcessed.get().plusDays(1);
            if (next.isAfter(through)) {
                return new CatchUpPlan(List.of(), lastProcessed, through);
            }
            first = next.minusDays(lookback);
        } else {
            throw new ConfigException("no day has been processed yet (processed_days is empty): give --from"
                    + " YYYY-MM-DD, the first day to process");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(through); d = d.plusDays(1)) {
            days.add(d);
        }
        if (days.size() > MAX_DAYS) {
            throw new ConfigException("catch-up would process " + days.size() + " days (" + first + " … " + through
                    + "), more than " + MAX_DAYS + ": use rebuild");
        }
        return new CatchUpPlan(days, lastProcessed, through);
    }

    public boolean nothingToDo() {
        return days.isEmpty();
    }

    /** The days that had never been processed (the rest are the lookback, processed again). */
    public long newDays() {
        return days.stream().filter(d -> lastProcessed.isEmpty() || d.isAfter(lastProcessed.get())).count();
    }
}
