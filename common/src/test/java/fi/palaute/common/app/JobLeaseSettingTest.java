package fi.palaute.common.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PALAUTE_JOB_LEASE: unset keeps the worker's default, a valid duration replaces it, a too short one stops start-up. */
class JobLeaseSettingTest {
    @Test
    void unsetKeepsTheDefault() {
        assertEquals(Optional.empty(), SurveyConnector.jobLease(new Settings(Map.of())));
    }

    @Test
    void aDurationOfAMinuteOrMoreIsUsed() {
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                SurveyConnector.jobLease(new Settings(Map.of("PALAUTE_JOB_LEASE", "PT90S"))));
    }

    @Test
    void shorterThanAMinuteIsRefusedNamingTheSetting() {
        SettingException e = assertThrows(SettingException.class,
                () -> SurveyConnector.jobLease(new Settings(Map.of("PALAUTE_JOB_LEASE", "PT10S"))));
        assertTrue(e.getMessage().contains("PALAUTE_JOB_LEASE") && e.getMessage().contains("PT1M"), e.getMessage());
    }

    @Test
    void notADurationIsRefused() {
        assertThrows(SettingException.class,
                () -> SurveyConnector.jobLease(new Settings(Map.of("PALAUTE_JOB_LEASE", "5 minutes"))));
    }
}
