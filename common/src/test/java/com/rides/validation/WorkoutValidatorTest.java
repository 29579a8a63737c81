package com.rides.validation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WorkoutValidatorTest {

    @Test
    void codesAreTheContractsInPriorityOrder() {
        assertEquals(List.of("missing_user", "unknown_class", "no_samples", "no_valid_power"),
                Arrays.stream(WorkoutQuarantineReason.values()).map(WorkoutQuarantineReason::code).toList());
    }

    @Test
    void aWorkoutWithRiderClassAndOneValidPowerSampleIsKept() {
        assertNull(WorkoutValidator.reason(true, true, 1, 1));
        assertNull(WorkoutValidator.reason(true, true, 3600, 1));
    }

    @Test
    void eachReasonAlone() {
        assertEquals(WorkoutQuarantineReason.MISSING_USER, WorkoutValidator.reason(false, true, 60, 60));
        assertEquals(WorkoutQuarantineReason.UNKNOWN_CLASS, WorkoutValidator.reason(true, false, 60, 60));
        assertEquals(WorkoutQuarantineReason.NO_SAMPLES, WorkoutValidator.reason(true, true, 0, 0));
        assertEquals(WorkoutQuarantineReason.NO_VALID_POWER, WorkoutValidator.reason(true, true, 60, 0));
    }

    /** All 16 combinations of the four faults: the first in contract order wins. */
    @Test
    void firstReasonInContractOrderWinsForEveryCombination() {
        for (int faults = 0; faults < 16; faults++) {
            boolean noUser = (faults & 1) != 0;
            boolean unknownClass = (faults & 2) != 0;
            boolean noSamples = (faults & 4) != 0;
            boolean noPower = (faults & 8) != 0 || noSamples; // no sample implies no valid power
            WorkoutQuarantineReason expected = noUser ? WorkoutQuarantineReason.MISSING_USER
                    : unknownClass ? WorkoutQuarantineReason.UNKNOWN_CLASS
                    : noSamples ? WorkoutQuarantineReason.NO_SAMPLES
                    : noPower ? WorkoutQuarantineReason.NO_VALID_POWER
                    : null;
            assertEquals(expected, WorkoutValidator.reason(!noUser, !unknownClass, noSamples ? 0 : 10,
                    noPower ? 0 : 5), "faults " + Integer.toBinaryString(faults));
        }
    }

    @Test
    void factsOverloadAgrees() {
        assertEquals(WorkoutQuarantineReason.UNKNOWN_CLASS,
                WorkoutValidator.reason(new WorkoutFacts(true, false, 0, 0)));
    }
}
