package com.rides.jobs;

import picocli.CommandLine.IVersionProvider;

import java.io.InputStream;
import java.util.Properties;

/** The code version recorded in job_runs: Maven version plus the git commit it was built from. */
public final class Version {

    private Version() {
    }

    public static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getClassLoader().getResourceAsStream("rides-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (Exception ignored) {
            // a missing version file must not stop a run; "unknown" says enough
        }
        return p.getProperty("version", "unknown");
    }

    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"rides " + current()};
        }
    }
}
