package com.rides.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatingFieldTest {

    @Test
    void ratingIsRequiredAndOneToFive() {
        RatingField r = RatingField.RATING;
        assertFalse(r.valid(null));
        assertFalse(r.valid(-1));
        assertFalse(r.valid(0));
        assertTrue(r.valid(1));
        assertTrue(r.valid(5));
        assertFalse(r.valid(6));
    }

    @Test
    void difficultyIsOptionalAndOneToTen() {
        RatingField d = RatingField.DIFFICULTY;
        assertTrue(d.valid(null));
        assertFalse(d.valid(0));
        assertTrue(d.valid(1));
        assertTrue(d.valid(10));
        assertFalse(d.valid(11));
    }
}
