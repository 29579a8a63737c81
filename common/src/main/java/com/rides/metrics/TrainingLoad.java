package com.rides.metrics;

/**
 * The FTP-relative figures: intensity factor and training stress score. Both are
 * null when there is nothing to relate to: no FTP (unknown rider, or none set), an
 * FTP ≤ 0, or no NP (ride shorter than 30 s).
 */
public final class TrainingLoad {

    private TrainingLoad() {
    }

    /** IF = NP / ftp_w when ftp_w > 0 and NP is not null; else null. */
    public static Double intensityFactor(Double normalizedPowerW, Integer ftpW) {
        if (normalizedPowerW == null || ftpW == null || ftpW <= 0) {
            return null;
        }
        return normalizedPowerW / ftpW;
    }

    /** TSS = duration_s × NP × IF / (ftp_w × 3600) × 100; null when IF is null. */
    public static Double tss(int durationS, Double normalizedPowerW, Double intensityFactor, Integer ftpW) {
        if (intensityFactor == null) {
            return null;
        }
        // ftp_w × 3600 in double: as int it would overflow for an absurd FTP.
        return durationS * normalizedPowerW * intensityFactor / (ftpW * 3600.0) * 100;
    }
}
