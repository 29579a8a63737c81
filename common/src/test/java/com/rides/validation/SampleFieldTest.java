package com.rides.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleFieldTest {

    @Test
    void fieldsAreTheContractColumnsWithTheirRanges() {
        // Contract section 2, in its order.
        assertEquals(List.of("output_w 0 3000", "cadence_rpm 0 250", "resistance_pct 0 100",
                        "heart_rate_bpm 30 240", "speed_kph 0 120"),
                Arrays.stream(SampleField.values()).map(f -> f.column() + " " + f.min() + " " + f.max()).toList());
    }

    /** Each bound is valid and one past it is not, for the int and the boxed checks. */
    @ParameterizedTest(name = "{0}: {1} valid, {2} invalid")
    @CsvSource({
            "OUTPUT_W, 0, -1",
            "OUTPUT_W, 3000, 3001",
            "CADENCE_RPM, 0, -1",
            "CADENCE_RPM, 250, 251",
            "RESISTANCE_PCT, 0, -1",
            "RESISTANCE_PCT, 100, 101",
            "HEART_RATE_BPM, 30, 29",
            "HEART_RATE_BPM, 240, 241",
            "SPEED_KPH, 0, -1",
            "SPEED_KPH, 120, 121",
    })
    void boundsAreInclusive(SampleField field, int inside, int outside) {
        assertTrue(field.valid(inside));
        assertTrue(field.valid(Integer.valueOf(inside)));
        assertTrue(field.valid((double) inside));
        assertNull(field.violation(inside));
        assertFalse(field.valid(outside));
        assertFalse(field.valid(Integer.valueOf(outside)));
        assertFalse(field.valid((double) outside));
        assertEquals(FieldViolation.OUT_OF_RANGE, field.violation(outside));
    }

    @Test
    void nullIsInvalidForEveryField() {
        for (SampleField f : SampleField.values()) {
            assertFalse(f.valid((Number) null), f.name());
            assertEquals(FieldViolation.NULL, f.violation(null), f.name());
        }
    }

    @Test
    void speedRejectsNanAndInfinityAndChecksFractions() {
        SampleField s = SampleField.SPEED_KPH;
        assertFalse(s.valid(Float.NaN));
        assertFalse(s.valid(Float.valueOf(Float.NaN)));
        assertFalse(s.valid(Double.valueOf(Double.NaN)));
        assertEquals(FieldViolation.OUT_OF_RANGE, s.violation(Float.NaN));
        assertFalse(s.valid(Float.POSITIVE_INFINITY));
        assertFalse(s.valid(Float.NEGATIVE_INFINITY));
        assertTrue(s.valid(119.99f));
        assertTrue(s.valid(Float.valueOf(0.0f)));
        assertTrue(s.valid(Float.valueOf(-0.0f)), "-0.0 == 0");
        assertFalse(s.valid(120.01f));
        assertFalse(s.valid(Float.valueOf(-0.01f)));
    }

    @Test
    void boxedLongsOutsideIntAreOutOfRangeNotWrapped() {
        // 2^32 + 100 would wrap to 100 (valid) if narrowed to int.
        assertFalse(SampleField.OUTPUT_W.valid(Long.valueOf(4_294_967_396L)));
        assertTrue(SampleField.OUTPUT_W.valid(Long.valueOf(100)));
        assertTrue(SampleField.OUTPUT_W.valid(Short.valueOf((short) 100)));
    }

    @Test
    void bitsAreDistinctSingleBits() {
        int all = 0;
        for (SampleField f : SampleField.values()) {
            assertEquals(1, Integer.bitCount(f.bit()));
            assertEquals(0, all & f.bit());
            all |= f.bit();
        }
    }

    @Test
    void rangeTextSaysNanOnlyForTheFloatColumn() {
        assertEquals("0 … 3000", SampleField.OUTPUT_W.rangeText());
        assertEquals("0 … 120, not NaN", SampleField.SPEED_KPH.rangeText());
        assertEquals("float", SampleField.SPEED_KPH.cqlType());
    }
}
