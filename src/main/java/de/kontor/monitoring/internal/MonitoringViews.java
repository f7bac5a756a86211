package de.kontor.monitoring.internal;

import java.time.Duration;
import java.util.Locale;

/** Small formatting helpers for the monitoring templates (charts and figures). */
public final class MonitoringViews {

    private MonitoringViews() {
    }

    public static String volumeChart(Dashboard.Figures f, String title) {
        return Charts.volume(f.days(), title);
    }

    public static String shareChart(Dashboard.Figures f, String title) {
        return Charts.shares(f.positive(), f.neutral(), f.negative(), title);
    }

    /** Working hours with one decimal ("2.5 h"), or a dash. */
    public static String hours(Duration d) {
        return d == null ? "—" : String.format(Locale.ROOT, "%.1f h", d.toMinutes() / 60.0);
    }

    public static String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + " %";
    }
}
