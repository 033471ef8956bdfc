package fi.palaute.common.score;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar days or weeks (Monday to Sunday) in a time zone: how {@code by=day|week&tz=…} cuts a range.
 * Days are local days, so around a daylight-saving change one is 23 or 25 hours long.
 */
public record Periods(Unit unit, ZoneId zone) {
    /** The length of one period. */
    public enum Unit { DAY, WEEK }

    public Periods {
        java.util.Objects.requireNonNull(unit, "unit");
        java.util.Objects.requireNonNull(zone, "zone");
    }

    /** The date the period holding this instant starts on, in the zone. */
    public LocalDate startDate(Instant t) {
        LocalDate date = t.atZone(zone).toLocalDate();
        return unit == Unit.DAY ? date : date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The group key of the period holding this instant: its start date, ISO. */
    public String key(Instant t) {
        return startDate(t).toString();
    }

    /** {@code from}, every period start after it and before {@code to}, then {@code to}. */
    public List<Instant> cuts(Instant from, Instant to) {
        if (!from.isBefore(to)) throw new IllegalArgumentException("from must be before to");
        List<Instant> cuts = new ArrayList<>();
        cuts.add(from);
        LocalDate next = startDate(from);
        while (true) {
            next = unit == Unit.DAY ? next.plusDays(1) : next.plusWeeks(1);
            Instant start = next.atStartOfDay(zone).toInstant();
            if (!start.isBefore(to)) break;
            cuts.add(start);
        }
        cuts.add(to);
        return cuts;
    }
}
