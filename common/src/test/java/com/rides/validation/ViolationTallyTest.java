package com.rides.validation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViolationTallyTest {

    @Test
    void keysNameEveryFieldAndRule() {
        assertEquals(SampleField.values().length * FieldViolation.values().length, ViolationCounts.KEYS.size());
        assertEquals("invalid_output_w_null", ViolationCounts.KEYS.get(0));
        assertEquals("invalid_output_w_out_of_range", ViolationCounts.KEYS.get(1));
        assertEquals("invalid_speed_kph_out_of_range", ViolationCounts.KEYS.get(ViolationCounts.KEYS.size() - 1));
        assertEquals("invalid_heart_rate_bpm_null",
                ViolationCounts.key(SampleField.HEART_RATE_BPM, FieldViolation.NULL));
    }

    @Test
    void countsNullsAndOutOfRangeSeparatelyPerField() {
        ViolationTally t = new ViolationTally();
        assertTrue(t.check(SampleField.OUTPUT_W, false, 3000));
        assertFalse(t.check(SampleField.OUTPUT_W, false, 3001));
        assertFalse(t.check(SampleField.OUTPUT_W, false, -1));
        assertFalse(t.check(SampleField.OUTPUT_W, true, 200)); // null: the value is ignored
        assertFalse(t.check(SampleField.HEART_RATE_BPM, false, 29));
        assertFalse(t.check(SampleField.SPEED_KPH, false, Float.NaN));
        assertFalse(t.check(SampleField.SPEED_KPH, true, 0f));
        assertTrue(t.check(SampleField.SPEED_KPH, false, 30.5f));
        ViolationCounts c = t.snapshot();
        assertEquals(2, c.get(SampleField.OUTPUT_W, FieldViolation.OUT_OF_RANGE));
        assertEquals(1, c.get(SampleField.OUTPUT_W, FieldViolation.NULL));
        assertEquals(3, c.invalid(SampleField.OUTPUT_W));
        assertEquals(1, c.get(SampleField.HEART_RATE_BPM, FieldViolation.OUT_OF_RANGE));
        assertEquals(1, c.get(SampleField.SPEED_KPH, FieldViolation.OUT_OF_RANGE));
        assertEquals(1, c.get(SampleField.SPEED_KPH, FieldViolation.NULL));
        assertEquals(0, c.invalid(SampleField.CADENCE_RPM));
        long[] a = c.toArray();
        assertEquals(2, a[ViolationCounts.KEYS.indexOf("invalid_output_w_out_of_range")]);

        t.reset();
        assertEquals(ViolationCounts.NONE, t.snapshot());
        assertEquals(2, c.get(SampleField.OUTPUT_W, FieldViolation.OUT_OF_RANGE), "a snapshot is not a view");
    }

    @Test
    void ofChecksTheLayoutAndCopies() {
        assertThrows(IllegalArgumentException.class, () -> ViolationCounts.of(new long[3]));
        long[] raw = new long[ViolationCounts.KEYS.size()];
        raw[0] = 7;
        ViolationCounts c = ViolationCounts.of(raw);
        raw[0] = 8;
        assertEquals(7, c.get(SampleField.OUTPUT_W, FieldViolation.NULL));
        assertEquals("ViolationCounts{invalid_output_w_null=7}", c.toString());
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        ViolationTally t = new ViolationTally();
        t.check(SampleField.CADENCE_RPM, false, 999);
        ViolationCounts c = t.snapshot();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(c, in.readObject());
        }
    }
}
