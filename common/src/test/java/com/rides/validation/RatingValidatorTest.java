package com.rides.validation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static com.rides.validation.RatingQuarantineReason.INVALID_DIFFICULTY;
import static com.rides.validation.RatingQuarantineReason.INVALID_RATING;
import static com.rides.validation.RatingQuarantineReason.UNKNOWN_CLASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RatingValidatorTest {

    @Test
    void codesAreTheContractsInPriorityOrder() {
        assertEquals(List.of("unknown_class", "invalid_rating", "invalid_difficulty"),
                Arrays.stream(RatingQuarantineReason.values()).map(RatingQuarantineReason::code).toList());
    }

    @Test
    void ratingBoundaries() {
        assertEquals(INVALID_RATING, RatingValidator.reason(true, null, null));
        assertEquals(INVALID_RATING, RatingValidator.reason(true, -1, null));
        assertEquals(INVALID_RATING, RatingValidator.reason(true, 0, null));
        assertNull(RatingValidator.reason(true, 1, null));
        assertNull(RatingValidator.reason(true, 5, null));
        assertEquals(INVALID_RATING, RatingValidator.reason(true, 6, null));
    }

    @Test
    void difficultyBoundaries() {
        assertNull(RatingValidator.reason(true, 3, null), "difficulty is optional");
        assertEquals(INVALID_DIFFICULTY, RatingValidator.reason(true, 3, 0));
        assertNull(RatingValidator.reason(true, 3, 1));
        assertNull(RatingValidator.reason(true, 3, 10));
        assertEquals(INVALID_DIFFICULTY, RatingValidator.reason(true, 3, 11));
    }

    @Test
    void unknownClassAlone() {
        assertEquals(UNKNOWN_CLASS, RatingValidator.reason(false, 4, 5));
    }

    @Test
    void firstReasonInContractOrderWins() {
        assertEquals(UNKNOWN_CLASS, RatingValidator.reason(false, 6, 11));
        assertEquals(UNKNOWN_CLASS, RatingValidator.reason(false, null, null));
        assertEquals(UNKNOWN_CLASS, RatingValidator.reason(false, 3, 0));
        assertEquals(INVALID_RATING, RatingValidator.reason(true, 0, 11));
        assertEquals(INVALID_RATING, RatingValidator.reason(true, null, 0));
    }

    @Test
    void factsOverloadAgrees() {
        assertEquals(INVALID_DIFFICULTY, RatingValidator.reason(new RatingFacts(true, 2, 12)));
    }
}
