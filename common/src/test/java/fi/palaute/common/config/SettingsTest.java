package fi.palaute.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_PUBLIC_URL", "https://cx.example.com/");
        env.put("PALAUTE_LINK_SECRET", "0123456789abcdef0123456789abcdef");
        return env;
    }

    @Test
    void defaultsFollowTheDesign() {
        SurveySettings s = SurveySettings.from(new Settings(valid()));
        assertEquals("https://cx.example.com", s.publicUrl().toString());
        assertEquals("csat", s.surveyTemplate());
        assertEquals("en", s.locale());
        assertEquals(Duration.ZERO, s.sendDelay());
        assertEquals(Duration.ofDays(7), s.cooldown());
        assertEquals(1.0, s.sampleRate());
        assertEquals(List.of("no_survey"), s.excludeTags());
    }

    @Test
    void missingSettingIsNamedInOneLine() {
        Map<String, String> env = valid();
        env.remove("PALAUTE_PUBLIC_URL");
        var e = assertThrows(SettingException.class, () -> SurveySettings.from(new Settings(env)));
        assertEquals("PALAUTE_PUBLIC_URL: is required but not set", e.getMessage());
    }

    @Test
    void shortSecretIsRefusedWithoutShowingIt() {
        Map<String, String> env = valid();
        env.put("PALAUTE_LINK_SECRET", "hunter2-secret");
        var e = assertThrows(SettingException.class, () -> SurveySettings.from(new Settings(env)));
        assertEquals("PALAUTE_LINK_SECRET", e.setting());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void badValuesNameTheSettingAndTheProblem() {
        for (var bad : List.of(Map.entry("PALAUTE_SEND_DELAY", "10 minutes"), Map.entry("PALAUTE_SAMPLE_RATE", "1.5"),
                Map.entry("PALAUTE_COOLDOWN", "-P1D"), Map.entry("PALAUTE_PUBLIC_URL", "cx.example.com"),
                Map.entry("PALAUTE_PORT", "http"))) {
            Map<String, String> env = valid();
            env.put(bad.getKey(), bad.getValue());
            var e = assertThrows(SettingException.class, () -> {
                SurveySettings.from(new Settings(env));
                ServiceSettings.from(new Settings(env), 8081);
            });
            assertEquals(bad.getKey(), e.setting(), e.getMessage());
        }
    }

    @Test
    void everyProblemIsListedAtOnceFromTheDeclarations() {
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_SAMPLE_RATE", "2");
        env.put("ZENDESK_URL", "https://acme.zendesk.example");
        var problems = new Settings(env).problems(Service.ZENDESK, java.util.Set.of(Setting.ZENDESK_WEBHOOK_SECRET));
        assertEquals(List.of("PALAUTE_PUBLIC_URL: is required but not set", "PALAUTE_LINK_SECRET: is required but not set",
                "PALAUTE_SAMPLE_RATE: must be a number between 0 and 1", "ZENDESK_EMAIL: is required but not set",
                "ZENDESK_API_TOKEN: is required but not set"),
                problems.stream().map(SettingException::getMessage).toList(),
                "ZENDESK_URL stands in for ZENDESK_SUBDOMAIN; the webhook secret is not needed here");
    }

    @Test
    void anUnsetSettingTakesItsDeclaredDefault() {
        Settings none = new Settings(Map.of());
        assertEquals(Duration.ofDays(14), none.duration(Setting.PALAUTE_ANSWER_WINDOW));
        assertEquals(8083, none.port(Setting.PALAUTE_PORT, Service.SLACK));
        assertEquals("jdbc:sqlite:palaute.db", none.string(Setting.PALAUTE_DB_URL));
    }

    @Test
    void brandColourThatIsNotHexIsRefusedNamingTheSetting() {
        for (String bad : List.of("green", "#0a7d3", "0a7d3e", "#0a7d3eff", "#gg0000")) {
            Map<String, String> env = valid();
            env.put("PALAUTE_BRAND_COLOR", bad);
            var e = assertThrows(SettingException.class, () -> SurveySettings.from(new Settings(env)), bad);
            assertEquals("PALAUTE_BRAND_COLOR: must be a colour written #rrggbb, such as #0a7d3e", e.getMessage());
        }
    }

    @Test
    void logoUrlThatIsNotHttpsIsRefusedNamingTheSetting() {
        for (String bad : List.of("http://acme.example/logo.png", "logo.png", "//acme.example/logo.png",
                "javascript:alert(1)", "data:image/png;base64,AAAA")) {
            Map<String, String> env = valid();
            env.put("PALAUTE_LOGO_URL", bad);
            var e = assertThrows(SettingException.class, () -> SurveySettings.from(new Settings(env)), bad);
            assertEquals("PALAUTE_LOGO_URL: must be an absolute https URL, such as https://example.com/logo.png",
                    e.getMessage());
        }
    }

    @Test
    void brandingIsReadWhenValid() {
        Map<String, String> env = valid();
        env.put("PALAUTE_BRAND_COLOR", "#0A7D3E");
        env.put("PALAUTE_LOGO_URL", "https://cdn.acme.example/logo.png");
        var branding = SurveySettings.from(new Settings(env)).branding();
        assertEquals(java.util.Optional.of("#0a7d3e"), branding.color());
        assertEquals(java.util.Optional.of("https://cdn.acme.example"), branding.logoOrigin());
        assertEquals(fi.palaute.common.survey.Branding.NONE, SurveySettings.from(new Settings(valid())).branding());
    }
}
