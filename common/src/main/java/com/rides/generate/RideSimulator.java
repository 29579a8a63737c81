package com.rides.generate;


/**
 * Turns a planned ride into clean per-second samples with plausible physiology:
 * <ul>
 *   <li>power follows the class plan (share of the rider's true FTP, times their
 *       form that day) with a short response lag, slow drift and noise; the odd
 *       pause (drinking, a towel) drops it to zero;</li>
 *   <li>cadence follows the instructor's cue; resistance is what makes the power at
 *       that cadence, after the bike's model {@code output = K * cadence * resistance};</li>
 *   <li>heart rate moves towards a target set by relative effort and the rider's
 *       heart-rate reserve, with first-order lag (faster up than down) and drift;</li>
 *   <li>speed follows the cube root of power, as air drag makes it on a road.</li>
 * </ul>
 * Values stay within the contract's valid ranges; faults are added afterwards by
 * {@link SampleFaults}.
 */
final class RideSimulator {

    /** Watts per (rpm x resistance %): 90 rpm at 45 % makes about 200 W. */
    static final double WATTS_PER_RPM_PCT = 0.05;
    /** km/h per cube root of a watt: 200 W gives about 32 km/h. */
    static final double KPH_PER_CBRT_WATT = 5.5;
    /** Mean pauses per hour of riding. */
    private static final double PAUSES_PER_HOUR = 1.2;

    private RideSimulator() {
    }

    static void simulate(PlannedRide ride, RideSamples out) {
        int seconds = ride.riddenSeconds();
        out.reset(seconds);
        Rng rng = new Rng(ride.sampleSeed());
        ClassProfile rideClass = ride.rideClass();
        ClassPlan plan = ClassPlan.draw(rideClass.discipline(), rideClass.durationS(), rng);
        Pauses pauses = Pauses.draw(rng, rideClass.durationS());
        RiderProfile rider = ride.rider();
        double ability = rider.abilityW() * ride.effort();
        double reserve = rider.maxHeartRateBpm() - rider.restingHeartRateBpm();

        double power = 0.35 * ability;
        double drift = 0;
        double cadence = 70;
        double resistance = power / (WATTS_PER_RPM_PCT * cadence);
        double recentPower = power;
        double heartRate = rider.restingHeartRateBpm() + 15;
        double speed = 0;
        int hrCeiling = Math.min(230, rider.maxHeartRateBpm() + 3);

        for (int t = 0; t < seconds; t++, plan.advance()) {
            boolean paused = pauses.isPaused(t);
            double targetPower = paused ? 0 : ability * plan.pctFtp();
            power += (targetPower - power) * (paused ? 0.6 : 0.3);
            // Slow wandering effort (AR(1)) plus second-to-second noise.
            drift = 0.995 * drift + 0.004 * rng.nextGaussian();
            double watts = paused ? 0 : Math.max(0, power * (1 + drift + 0.03 * rng.nextGaussian()));
            int outputW = (int) Math.round(Math.min(watts, 2500));

            double targetCadence = paused ? 0 : plan.cadenceRpm();
            cadence += (targetCadence - cadence) * (paused ? 0.5 : 0.3) + (paused ? 0 : 1.2 * rng.nextGaussian());
            int cadenceRpm = paused ? 0 : Draw.clamp((int) Math.round(cadence), 0, 150);
            if (cadenceRpm >= 20) {
                // The rider sets the resistance that gives the cued power at this cadence;
                // not pedalling, the knob simply stays where it was.
                resistance = watts / (WATTS_PER_RPM_PCT * cadenceRpm) + 0.8 * rng.nextGaussian();
            }
            int resistancePct = Draw.clamp((int) Math.round(resistance), 0, 100);

            recentPower += (watts - recentPower) * 0.05;
            double relativeEffort = recentPower / rider.abilityW();
            double targetHr = rider.restingHeartRateBpm()
                    + reserve * Draw.clamp(0.25 + 0.62 * relativeEffort, 0.2, 1.0)
                    + 4.0 * t / 3600.0; // cardiac drift over a long ride
            double tau = targetHr > heartRate ? 20 : 35;
            heartRate += (targetHr - heartRate) / tau;
            int heartRateBpm = Draw.clamp((int) Math.round(heartRate + 0.7 * rng.nextGaussian()), 40, hrCeiling);

            speed += (KPH_PER_CBRT_WATT * StrictMath.cbrt(watts) - speed) * 0.15;
            float speedKph = (float) (Math.round(Draw.clamp(speed, 0, 90) * 100) / 100.0);

            out.append(t, cadenceRpm, resistancePct, outputW, heartRateBpm, speedKph);
        }
    }

    /** Short breaks in pedalling: each one 5–30 s, after the warm-up. */
    private record Pauses(int[] starts, int[] ends) {

        static Pauses draw(Rng rng, int classSeconds) {
            int n = Draw.poisson(rng, PAUSES_PER_HOUR * classSeconds / 3600.0);
            int[] starts = new int[n];
            int[] ends = new int[n];
            for (int i = 0; i < n; i++) {
                starts[i] = Draw.uniformInt(rng, Math.min(120, classSeconds / 4), Math.max(classSeconds - 60, 1));
                ends[i] = starts[i] + Draw.uniformInt(rng, 5, 30);
            }
            return new Pauses(starts, ends);
        }

        boolean isPaused(int t) {
            for (int i = 0; i < starts.length; i++) {
                if (t >= starts[i] && t < ends[i]) {
                    return true;
                }
            }
            return false;
        }
    }
}
