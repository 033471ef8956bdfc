package fi.palaute.slack;

import fi.palaute.common.config.Setting;
import fi.palaute.common.config.SettingException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When digests are posted: {@code daily 09:00 UTC}, {@code weekly MON 09:00 Europe/Helsinki} or
 * {@code monthly 1 09:00 Europe/Helsinki}. Each run reports the previous complete day, week or month in
 * the schedule's own zone, so a Helsinki team's week starts at their Monday midnight.
 *
 * @param dayOfWeek  for weekly schedules, else null
 * @param dayOfMonth for monthly schedules (1–31; a short month runs on its last day), else 0
 */
public record DigestSchedule(PeriodKind kind, DayOfWeek dayOfWeek, int dayOfMonth, LocalTime time, ZoneId zone) {
    private static final String SETTING = Setting.SLACK_DIGEST_SCHEDULE.name();
    private static final String SHAPE =
            "must look like 'daily 09:00 UTC', 'weekly MON 09:00 Europe/Helsinki' or 'monthly 1 09:00 UTC'";

    public static DigestSchedule parse(String value) {
        String[] parts = value.trim().split("\\s+");
        try {
            PeriodKind kind = switch (parts[0].toLowerCase(Locale.ROOT)) {
                case "daily" -> PeriodKind.DAY;
                case "weekly" -> PeriodKind.WEEK;
                case "monthly" -> PeriodKind.MONTH;
                default -> throw new SettingException(SETTING, SHAPE);
            };
            int i = 1;
            DayOfWeek dow = null;
            int dom = 0;
            if (kind == PeriodKind.WEEK) dow = dayOfWeek(parts[i++]);
            if (kind == PeriodKind.MONTH) {
                dom = Integer.parseInt(parts[i++]);
                if (dom < 1 || dom > 31) throw new SettingException(SETTING, "day of month must be 1-31");
            }
            if (parts.length < i + 1 || parts.length > i + 2) throw new SettingException(SETTING, SHAPE);
            LocalTime time = LocalTime.parse(parts[i]);
            ZoneId zone = parts.length == i + 2 ? ZoneId.of(parts[i + 1]) : ZoneId.of("UTC");
            return new DigestSchedule(kind, dow, dom, time, zone);
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
            throw new SettingException(SETTING, SHAPE);
        } catch (DateTimeException e) {
            throw new SettingException(SETTING, "unknown time zone (use an IANA name such as Europe/Helsinki or UTC)");
        }
    }

    private static DayOfWeek dayOfWeek(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(u) && u.length() >= 3) return d;
        }
        throw new SettingException(SETTING, "weekday must be MON, TUE, WED, THU, FRI, SAT or SUN");
    }

    /** The latest scheduled run at or before {@code now}: the one a (re)started scheduler must make sure happened. */
    public Instant latestRunAtOrBefore(Instant now) {
        ZonedDateTime z = now.atZone(zone);
        LocalDate date = z.toLocalDate();
        ZonedDateTime candidate = switch (kind) {
            case DAY -> ZonedDateTime.of(date, time, zone);
            case WEEK -> ZonedDateTime.of(date.with(TemporalAdjusters.previousOrSame(dayOfWeek)), time, zone);
            case MONTH -> ZonedDateTime.of(dayInMonth(YearMonth.from(date)), time, zone);
        };
        if (candidate.toInstant().isAfter(now)) {
            candidate = switch (kind) {
                case DAY -> ZonedDateTime.of(date.minusDays(1), time, zone);
                case WEEK -> ZonedDateTime.of(candidate.toLocalDate().minusWeeks(1), time, zone);
                case MONTH -> ZonedDateTime.of(dayInMonth(YearMonth.from(date).minusMonths(1)), time, zone);
            };
        }
        return candidate.toInstant();
    }

    private LocalDate dayInMonth(YearMonth month) {
        return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
    }

    /** The period a run at {@code runAt} reports: the previous complete day, week or month. */
    public DigestPeriod periodForRunAt(Instant runAt) {
        return DigestPeriod.completeBefore(kind, runAt, zone);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DAY -> "daily " + time + " " + zone.getId();
            case WEEK -> "weekly " + dayOfWeek.name().substring(0, 3) + " " + time + " " + zone.getId();
            case MONTH -> "monthly " + dayOfMonth + " " + time + " " + zone.getId();
        };
    }
}
