package com.rides.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestKeyspacesTest {

    @Test
    void namedAfterTheClass() {
        TestKeyspaces ks = TestKeyspaces.forName("com.rides.jobs.HandMadeRidesTest");
        assertEquals("t_handmaderidestest_raw", ks.raw());
        assertEquals("t_handmaderidestest_stats", ks.stats());
    }

    @Test
    void nestedClassesUseTheirOwnName() {
        assertEquals("t_inner_raw", TestKeyspaces.forName("com.rides.OuterTest$Inner").raw());
    }

    @Test
    void longNamesAreTrimmedToCassandrasLimitAndStayDistinct() {
        String prefix = "com.rides.jobs.AVeryLongTestClassNameThatGoesOnAndOnAndOnForever";
        TestKeyspaces a = TestKeyspaces.forName(prefix + "One");
        TestKeyspaces b = TestKeyspaces.forName(prefix + "Two");
        for (String name : new String[] {a.raw(), a.stats(), b.raw(), b.stats()}) {
            assertTrue(name.length() <= TestKeyspaces.MAX_NAME, name);
            assertTrue(name.matches("[a-z][a-z0-9_]*"), name);
        }
        assertNotEquals(a.raw(), b.raw());
        assertNotEquals(a.stats(), b.stats());
    }
}
