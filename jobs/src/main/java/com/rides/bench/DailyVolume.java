package com.rides.bench;

import com.rides.generate.GeneratorSpec;
import com.rides.generate.PlannedRide;
import com.rides.generate.RiderHistory;
import com.rides.generate.SyntheticRides;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rides per day a generator spec will produce, from the generator's own plan
 * (no samples are made, so this takes milliseconds): used to size the rider
 * population so that every day has at least the required rides.
 */
record DailyVolume(Map<LocalDate, Integer> ridesPerDay, long plannedSeconds) {

    static DailyVolume of(GeneratorSpec spec) {
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        for (int d = 0; d < spec.days(); d++) {
            perDay.put(spec.firstDay().plusDays(d), 0);
        }
        long seconds = 0;
        for (RiderHistory h : new SyntheticRides(spec).histories()) {
            for (PlannedRide r : h.rides()) {
                perDay.merge(r.workout().day(), 1, Integer::sum);
                seconds += r.riddenSeconds();
            }
        }
        return new DailyVolume(perDay, seconds);
    }

    /** The last {@code days} days of this plan (their planned seconds are not kept: -1). */
    DailyVolume lastDays(int days) {
        Map<LocalDate, Integer> last = new TreeMap<>();
        ridesPerDay.entrySet().stream().skip(Math.max(0, ridesPerDay.size() - days))
                .forEach(e -> last.put(e.getKey(), e.getValue()));
        return new DailyVolume(last, -1);
    }

    int min() {
        return ridesPerDay.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    double mean() {
        return ridesPerDay.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    long rides() {
        return ridesPerDay.values().stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * The fewest riders (to within 1 %) for whom the days of {@code template} have on
     * average at least {@code ridesPerDay} rides. A mean, not every day: the generator
     * has weekly seasonality (weekends are busier), as real rides do.
     */
    static int usersFor(GeneratorSpec template, int ridesPerDay) {
        int low = 0; // known too few
        int high = Math.max(10, ridesPerDay);
        while (of(withUsers(template, high)).mean() < ridesPerDay) {
            low = high;
            high *= 2;
        }
        while (high - low > Math.max(1, high / 100)) {
            int mid = (low + high) / 2;
            if (of(withUsers(template, mid)).mean() >= ridesPerDay) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    static GeneratorSpec withUsers(GeneratorSpec s, int users) {
        return new GeneratorSpec(users, s.classes(), s.days(), s.endDate(), s.seed(), s.buckets(), s.faultRate());
    }
}
