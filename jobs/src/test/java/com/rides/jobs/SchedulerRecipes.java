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
        return cronCommand("catch-up");
    }

    /** ExecStart of the catch-up service. */
    static String systemdCatchUpCommand() throws IOException {
        return systemdCommand("rides-catch-up.service");
    }

    /**
     * The command of the crontab's one entry that runs {@code scripts/rides <command>}, as
     * cron hands it to /bin/sh: the line after its five time fields, each {@code \%} made
     * {@code %} (an unescaped % would end the command; crontab(5)).
     */
    static String cronCommand(String command) throws IOException {
        List<String> entries = Files.readAllLines(dir().resolve("crontab")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.matches("^[A-Z_]+=.*"))
                .filter(l -> l.contains("/scripts/rides " + command + " ") || l.contains("/scripts/rides " + command + ">"))
                .toList();
        if (entries.size() != 1) {
            throw new AssertionError("one " + command + " entry expected in the crontab, found " + entries);
        }
        String line = entries.get(0).trim().split("\\s+", 6)[5];
        if (line.replace("\\%", "").contains("%")) {
            throw new AssertionError("an unescaped % in the crontab ends the command there: " + line);
        }
        return line.replace("\\%", "%");
    }

    /** ExecStart of a systemd service, each {@code %%} made {@code %} as systemd does (systemd.unit(5)). */
    static String systemdCommand(String unit) throws IOException {
        List<String> exec = Files.readAllLines(dir().resolve("systemd").resolve(unit)).stream()
                .filter(l -> l.startsWith("ExecStart=")).toList();
        if (exec.size() != 1) {
            throw new AssertionError("one ExecStart expected in " + unit + ", found " + exec);
        }
        String line = exec.get(0).substring("ExecStart=".length()).trim();
        if (line.replace("%%", "").contains("%")) {
            throw new AssertionError("a single % in " + unit + " is a systemd specifier: " + line);
        }
        return line.replace("%%", "%");
    }
}
