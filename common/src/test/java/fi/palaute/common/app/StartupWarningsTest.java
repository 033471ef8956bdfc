package fi.palaute.common.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.config.Service;
import fi.palaute.common.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupWarningsTest {
    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_PUBLIC_URL", "https://cx.example.com");
        env.put("PALAUTE_LINK_SECRET", "0123456789abcdef0123456789abcdef");
        return env;
    }

    private static List<String> warnings(Service service, Map<String, String> env) {
        return StartupWarnings.of(service, new Settings(env));
    }

    @Test
    void sensibleValuesWarnOfNothing() {
        assertEquals(List.of(), warnings(Service.ZENDESK, valid()));
        assertEquals(List.of(), warnings(Service.SLACK, Map.of()));
    }

    @Test
    void aSendDelayPastZendesksAutoCloseIsWarnedOnZendeskOnly() {
        Map<String, String> env = valid();
        env.put("PALAUTE_SEND_DELAY", "P4DT1H");
        assertTrue(warnings(Service.ZENDESK, env).get(0).startsWith("PALAUTE_SEND_DELAY P4DT1H is longer than Zendesk's"));
        assertEquals(List.of(), warnings(Service.FRESHDESK, env));
        env.put("PALAUTE_SEND_DELAY", "P4D");
        assertEquals(List.of(), warnings(Service.ZENDESK, env), "exactly the auto-close is still in time");
    }

    @Test
    void anAnswerWindowUnderADayIsWarned() {
        Map<String, String> env = valid();
        env.put("PALAUTE_ANSWER_WINDOW", "PT23H");
        assertTrue(warnings(Service.FRESHDESK, env).get(0).startsWith("PALAUTE_ANSWER_WINDOW PT23H is under one day"));
    }

    @Test
    void aLocaleWithNoTemplateIsWarned() {
        Map<String, String> env = valid();
        env.put("PALAUTE_LOCALE", "sv");
        assertTrue(warnings(Service.ZENDESK, env).get(0).startsWith("PALAUTE_LOCALE sv: survey template csat has no sv"));
        env.put("PALAUTE_LOCALE", "fi");
        assertEquals(List.of(), warnings(Service.ZENDESK, env));
    }

    @Test
    void anHttpPublicUrlIsWarned() {
        Map<String, String> env = valid();
        env.put("PALAUTE_PUBLIC_URL", "http://cx.example.com");
        assertTrue(warnings(Service.ZENDESK, env).get(0).startsWith("PALAUTE_PUBLIC_URL is http://"));
    }

    @Test
    void invalidValuesAreLeftToValidation() {
        Map<String, String> env = valid();
        env.put("PALAUTE_SEND_DELAY", "ten days");
        assertEquals(List.of(), warnings(Service.ZENDESK, env));
    }
}
