package fi.palaute.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.config.SettingException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestScheduleTest {

    @Test
    void parsesDailyWeeklyAndMonthly() {
        assertEquals(new DigestSchedule(PeriodKind.DAY, null, 0, LocalTime.of(9, 0), ZoneId.of("UTC")),
                DigestSchedule.parse("daily 09:00 UTC"));
        assertEquals(new DigestSchedule(PeriodKind.WEEK, DayOfWeek.MONDAY, 0, LocalTime.of(9, 0), ZoneId.of("Europe/Helsinki")),
                DigestSchedule.parse("weekly MON 09:00 Europe/Helsinki"));
        assertEquals(new DigestSchedule(PeriodKind.MONTH, null, 1, LocalTime.of(8, 30), ZoneId.of("Europe/Helsinki")),
                DigestSchedule.parse("monthly 1 08:30 Europe/Helsinki"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hourly 09:00 UTC", "daily 9am UTC", "weekly XYZ 09:00 UTC", "monthly 32 09:00 UTC",
            "daily 09:00 Mars/Olympus", "weekly", "daily 09:00 UTC extra"})
    void badScheduleStopsStartUpNamingTheSetting(String value) {
        SettingException e = assertThrows(SettingException.class, () -> DigestSchedule.parse(value));
        assertEquals("SLACK_DIGEST_SCHEDULE", e.setting());
        assertTrue(e.getMessage().startsWith("SLACK_DIGEST_SCHEDULE: "), e.getMessage());
    }

    @Test
    void dailyRunReportsThePreviousDayInTheSchedulesZone() {
        DigestSchedule s = DigestSchedule.parse("daily 09:00 Europe/Helsinki");
        // 06:30 UTC is 08:30 in Helsinki: today's run has not come yet, so the latest is yesterday's.
        Instant run = s.latestRunAtOrBefore(Instant.parse("2026-03-10T06:30:00Z"));
        assertEquals(Instant.parse("2026-03-09T07:00:00Z"), run);
        DigestPeriod p = s.periodForRunAt(run);
        assertEquals(Instant.parse("2026-03-07T22:00:00Z"), p.start());
        assertEquals(Instant.parse("2026-03-08T22:00:00Z"), p.end());
        assertEquals("Sun 8 Mar 2026", p.label());
    }

    @Test
    void weeklyRunReportsTheLastCompleteMondayToMondayWeek() {
        DigestSchedule s = DigestSchedule.parse("weekly MON 09:00 Europe/Helsinki");
        Instant run = s.latestRunAtOrBefore(Instant.parse("2026-03-12T12:00:00Z"));
        assertEquals(Instant.parse("2026-03-09T07:00:00Z"), run);
        DigestPeriod p = s.periodForRunAt(run);
        assertEquals(Instant.parse("2026-03-01T22:00:00Z"), p.start());
        assertEquals(Instant.parse("2026-03-08T22:00:00Z"), p.end());
        assertEquals("2 Mar – 8 Mar 2026", p.label());
    }

    @Test
    void monthlyRunOnADayAShortMonthLacksRunsOnItsLastDay() {
        DigestSchedule s = DigestSchedule.parse("monthly 31 09:00 UTC");
        assertEquals(Instant.parse("2026-02-28T09:00:00Z"), s.latestRunAtOrBefore(Instant.parse("2026-03-15T00:00:00Z")));
        DigestPeriod p = DigestSchedule.parse("monthly 1 09:00 UTC").periodForRunAt(Instant.parse("2026-03-01T09:00:00Z"));
        assertEquals("February 2026", p.label());
        assertEquals("January 2026", p.previous().label());
    }
}
