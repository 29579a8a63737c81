package com.rides.jobs;

import com.rides.testing.RepoRoot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The scheduler recipes of scripts/schedule/, read the way cron and systemd read them. */
final class SchedulerRecipes {

    /** Where the recipes say the checkout is installed, and where cron's log goes. */
    static final String INSTALL_DIR = "/opt/ride-analytics";
    static final String LOG_DIR = "/var/log/ride-analytics";

    private SchedulerRecipes() {
    }

    static Path dir() {
        return RepoRoot.find().resolve("scripts").resolve("schedule");
    }

    /** The command of the crontab's catch-up entry: the line after its five time fields. */
    static String cronCatchUpCommand() throws IOException {
        List<String> entries = Files.readAllLines(dir().resolve("crontab")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.matches("^[A-Z_]+=.*"))
                .filter(l -> l.contains(" catch-up")).toList();
        if (entries.size() != 1) {
            throw new AssertionError("one catch-up entry expected in the crontab, found " + entries);
        }
        String[] fields = entries.get(0).trim().split("\\s+", 6);
        return fields[5];
    }

    /** ExecStart of the systemd service. */
    static String systemdCatchUpCommand() throws IOException {
        List<String> exec = Files.readAllLines(dir().resolve("systemd").resolve("rides-catch-up.service")).stream()
                .filter(l -> l.startsWith("ExecStart=")).toList();
        if (exec.size() != 1) {
            throw new AssertionError("one ExecStart expected, found " + exec);
        }
        return exec.get(0).substring("ExecStart=".length()).trim();
    }
}
