package com.rides.jobs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher command line: the extra flags of rides.launcher.jvm, last before the main class. */
class JvmCommandTest {

    private final String before = System.getProperty(JvmCommand.EXTRA_FLAGS);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(JvmCommand.EXTRA_FLAGS);
        } else {
            System.setProperty(JvmCommand.EXTRA_FLAGS, before);
        }
    }

    @Test
    void extraFlagsComeLastBeforeTheMainClassSoTheyWinOverInheritedOnes() {
        System.setProperty(JvmCommand.EXTRA_FLAGS, "  -XX:TieredStopAtLevel=1   -Dspark.x=y ");
        List<String> command = JvmCommand.launcher("-Xmx2g");
        int main = command.indexOf(Rides.class.getName());
        assertEquals(command.size() - 1, main, command.toString());
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Dspark.x=y"), command.subList(main - 2, main));
        assertEquals("-Xmx2g", command.get(1));
        assertTrue(command.get(0).endsWith("/bin/java"), command.get(0));
    }

    @Test
    void blankOrUnsetMeansNone() {
        System.setProperty(JvmCommand.EXTRA_FLAGS, "   ");
        assertEquals(List.of(), JvmCommand.extraFlags());
        System.clearProperty(JvmCommand.EXTRA_FLAGS);
        assertEquals(List.of(), JvmCommand.extraFlags());
        List<String> command = JvmCommand.launcher();
        assertEquals("-Xmx1g", command.get(1));
        assertEquals(Rides.class.getName(), command.get(command.size() - 1));
    }
}
