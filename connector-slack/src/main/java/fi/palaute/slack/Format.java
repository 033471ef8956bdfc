package fi.palaute.slack;

import fi.palaute.common.score.Interval;
import fi.palaute.common.score.Rounding;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, intervals, durations and sources read in Slack messages: one decimal, English, fixed. */
final class Format {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private Format() {}

    static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", Rounding.toDecimals(value, 1));
    }

    static String percent(Double fraction) {
        return fraction == null ? "n/a" : one(fraction * 100) + "%";
    }

    static String interval(Interval ci, String unit) {
        return ci == null ? "n/a" : one(ci.low()) + unit + " – " + one(ci.high()) + unit;
    }

    static String seconds(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m " + (s % 60) + "s";
        return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }

    /** An SLA as people say it: "4 h", "90 min", "1 h 30 min". */
    static String duration(java.time.Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) return Math.max(minutes, 1) + " min";
        long h = minutes / 60, m = minutes % 60;
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    /** "zendesk" → "Zendesk": source ids are lower case in the database. */
    static String source(String source) {
        if (source == null || source.isEmpty()) return "unknown";
        return Character.toUpperCase(source.charAt(0)) + source.substring(1);
    }

    /** Definition ids as stored ("zendesk_one_touch") read better with spaces. */
    static String words(String id) {
        return id.replace('_', ' ');
    }
}
