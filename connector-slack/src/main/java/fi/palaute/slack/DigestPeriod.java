package fi.palaute.slack;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A span [start, end) a digest covers, in the time zone its days are counted in. */
public record DigestPeriod(PeriodKind kind, Instant start, Instant end, ZoneId zone) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_NO_YEAR = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    public DigestPeriod {
        if (!start.isBefore(end)) throw new IllegalArgumentException("period start must be before its end");
    }

    /** The calendar day, week (Monday to Monday) or month that ended last before {@code at}, in {@code zone}. */
    public static DigestPeriod completeBefore(PeriodKind kind, Instant at, ZoneId zone) {
        LocalDate date = at.atZone(zone).toLocalDate();
        LocalDate endDate = switch (kind) {
            case DAY -> date;
            case WEEK -> date.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
        LocalDate startDate = endDate.minus(1, kind.unit());
        return new DigestPeriod(kind, startDate.atStartOfDay(zone).toInstant(), endDate.atStartOfDay(zone).toInstant(), zone);
    }

    /** The day, week or month up to {@code now}: what {@code digest --period} and {@code /cx} report. */
    public static DigestPeriod trailing(PeriodKind kind, Instant now, ZoneId zone) {
        Instant start = now.atZone(zone).minus(1, kind.unit()).toInstant();
        return new DigestPeriod(kind, start, now, zone);
    }

    /** Since midnight today, for {@code /cx today}. */
    public static DigestPeriod today(Instant now, ZoneId zone) {
        Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        return new DigestPeriod(PeriodKind.DAY, midnight.equals(now) ? now.minusSeconds(1) : midnight, now, zone);
    }

    /** The period of the same length just before this one, to compare against. */
    public DigestPeriod previous() {
        Instant prevStart = start.atZone(zone).minus(1, kind.unit()).toInstant();
        if (!prevStart.isBefore(start)) prevStart = start.minus(end.getEpochSecond() - start.getEpochSecond(), java.time.temporal.ChronoUnit.SECONDS);
        return new DigestPeriod(kind, prevStart, start, zone);
    }

    /**
     * The days whose scores make the sparkline: the period's days, or for a single day the seven days
     * ending with it (one bar says nothing about a trend).
     */
    public List<DigestPeriod> sparklineDays() {
        ZonedDateTime from = start.atZone(zone);
        if (kind == PeriodKind.DAY) {
            from = end.atZone(zone).toLocalDate().minusDays(end.atZone(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? 7 : 6)
                    .atStartOfDay(zone);
        }
        List<DigestPeriod> days = new ArrayList<>();
        LocalDate d = from.toLocalDate();
        Instant dayStart = from.toInstant();
        while (dayStart.isBefore(end)) {
            Instant dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant();
            Instant cut = dayEnd.isAfter(end) ? end : dayEnd;
            days.add(new DigestPeriod(PeriodKind.DAY, dayStart, cut, zone));
            d = d.plusDays(1);
            dayStart = dayEnd;
        }
        return days;
    }

    private boolean isMidnight(Instant t) {
        return t.atZone(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }

    /** "Mon 9 Mar 2026", "2 Mar – 8 Mar 2026", "February 2026", or times with the zone for a trailing period. */
    public String label() {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        if (isMidnight(start) && isMidnight(end)) {
            LocalDate last = e.toLocalDate().minusDays(1);
            if (last.equals(s.toLocalDate())) return DAY.format(s);
            if (s.getDayOfMonth() == 1 && e.getDayOfMonth() == 1 && s.toLocalDate().plusMonths(1).equals(e.toLocalDate())) {
                return MONTH.format(s);
            }
            return (s.getYear() == last.getYear() ? DATE_NO_YEAR.format(s) : DATE.format(s)) + " – " + DATE.format(last);
        }
        return TIME.format(s) + " – " + TIME.format(e) + " (" + zone.getId() + ")";
    }

    /** "day", "week" or "month" as the reader says it: "previous week". */
    public String noun() {
        return kind.id();
    }
}
