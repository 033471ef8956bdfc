package fi.palaute.slack;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The length of a digest period. */
public enum PeriodKind {
    DAY(ChronoUnit.DAYS), WEEK(ChronoUnit.WEEKS), MONTH(ChronoUnit.MONTHS);

    private final ChronoUnit unit;

    PeriodKind(ChronoUnit unit) {
        this.unit = unit;
    }

    public ChronoUnit unit() { return unit; }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static PeriodKind parse(String value) {
        if (value != null) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "day", "today", "daily" -> { return DAY; }
                case "week", "weekly" -> { return WEEK; }
                case "month", "monthly" -> { return MONTH; }
                default -> { }
            }
        }
        throw new IllegalArgumentException("period must be day, week or month");
    }
}
