package com.rides.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffsetRuleTest {

    @Test
    void keepsTheSecondsOfOneDayOnly() {
        assertFalse(OffsetRule.kept(Integer.MIN_VALUE));
        assertFalse(OffsetRule.kept(-1));
        assertTrue(OffsetRule.kept(0));
        assertTrue(OffsetRule.kept(86_399));
        assertFalse(OffsetRule.kept(86_400));
        assertFalse(OffsetRule.kept(Integer.MAX_VALUE));
    }
}
