package com.rides.metrics;

/**
 * Food energy from mechanical work: 1 kcal = 4.184 kJ, and a rider's muscles turn
 * about 24 % of what they burn into work at the pedals, so kcal = kJ / (4.184 × 0.24)
 * (close to 1 kcal per kJ, the rule of thumb riders know).
 */
final class Energy {

    static final double KJ_PER_KCAL = 4.184;
    static final double GROSS_EFFICIENCY = 0.24;

    private Energy() {
    }

    static double caloriesKcal(double workKj) {
        return workKj / (KJ_PER_KCAL * GROSS_EFFICIENCY);
    }
}
