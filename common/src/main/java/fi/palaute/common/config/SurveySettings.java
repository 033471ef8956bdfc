package fi.palaute.common.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the survey connectors (Zendesk, Freshdesk), validated at start-up. */
public record SurveySettings(URI publicUrl, String linkSecret, String surveyTemplate, String locale,
                             Optional<Path> templatesDir, Duration sendDelay, Duration cooldown, double sampleRate,
                             List<String> excludeTags, String company, Duration answerWindow) {

    public static SurveySettings from(Settings s) {
        String template = s.string("PALAUTE_SURVEY", "csat").trim();
        if (!template.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new SettingException("PALAUTE_SURVEY", "must be csat, ces, nps or a template id (letters, digits, - and _)");
        }
        String locale = s.string("PALAUTE_LOCALE", "en");
        if (!locale.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?")) {
            throw new SettingException("PALAUTE_LOCALE", "must be a language code such as en or fi");
        }
        return new SurveySettings(
                s.url("PALAUTE_PUBLIC_URL"),
                s.secret("PALAUTE_LINK_SECRET", 32),
                template.toLowerCase(java.util.Locale.ROOT),
                locale,
                s.directory("PALAUTE_TEMPLATES_DIR"),
                s.duration("PALAUTE_SEND_DELAY", Duration.ZERO),
                s.duration("PALAUTE_COOLDOWN", Duration.ofDays(7)),
                s.fraction("PALAUTE_SAMPLE_RATE", 1.0),
                s.list("PALAUTE_EXCLUDE_TAGS", "no_survey"),
                s.string("PALAUTE_COMPANY", "our support team"),
                s.duration("PALAUTE_ANSWER_WINDOW", Duration.ofDays(14)));
    }
}
