package com.rides.runs;

import com.rides.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which days a catch-up processes. */
class CatchUpPlanTest {

    static final LocalDate D = LocalDate.parse("2026-11-20");

    @Test
    void everyDayAfterTheLastProcessedOneWithTheLookbackAgain() {
        CatchUpPlan p = CatchUpPlan.of(Optional.of(D), null, D.plusDays(3), 2);
        assertEquals(List.of(D.minusDays(1), D, D.plusDays(1), D.plusDays(2), D.plusDays(3)), p.days());
        assertEquals(3, p.newDays());
    }

    @Test
    void theDailyCaseIsOneNewDayAsNightlyWouldDoIt() {
        CatchUpPlan p = CatchUpPlan.of(Optional.of(D), null, D.plusDays(1), 2);
        assertEquals(List.of(D.minusDays(1), D, D.plusDays(1)), p.days());
    }

    @Test
    void nothingToDoWhenThroughIsProcessed() {
        assertTrue(CatchUpPlan.of(Optional.of(D), null, D, 2).nothingToDo());
        assertTrue(CatchUpPlan.of(Optional.of(D.plusDays(5)), null, D, 2).nothingToDo());
    }

    @Test
    void fromGivesTheFirstDayExactly() {
        assertEquals(List.of(D, D.plusDays(1)), CatchUpPlan.of(Optional.empty(), D, D.plusDays(1), 2).days());
        assertEquals(List.of(D.minusDays(3), D.minusDays(2)),
                CatchUpPlan.of(Optional.of(D), D.minusDays(3), D.minusDays(2), 2).days());
    }

    @Test
    void anEmptyHistoryNeedsFrom() {
        ConfigException e = assertThrows(ConfigException.class, () -> CatchUpPlan.of(Optional.empty(), null, D, 2));
        assertTrue(e.getMessage().contains("give --from"), e.getMessage());
    }

    @Test
    void aBackwardsRangeIsAnError() {
        assertThrows(ConfigException.class, () -> CatchUpPlan.of(Optional.empty(), D.plusDays(1), D, 2));
    }
}
