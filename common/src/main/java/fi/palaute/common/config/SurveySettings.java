package fi.palaute.common.config;

import fi.palaute.common.survey.Branding;
import fi.palaute.common.survey.ChannelRules;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the survey connectors (Zendesk, Freshdesk), validated at start-up. */
public record SurveySettings(URI publicUrl, String linkSecret, String surveyTemplate, String locale,
                             Optional<Path> templatesDir, Duration sendDelay, Duration cooldown, double sampleRate,
                             List<String> excludeTags, Optional<String> company, Duration answerWindow, ChannelRules channels,
                             Optional<Path> experimentsFile, Branding branding) {

    public static SurveySettings from(Settings s) {
        String survey = s.string(Setting.PALAUTE_SURVEY).toLowerCase(java.util.Locale.ROOT);
        return new SurveySettings(
                s.url(Setting.PALAUTE_PUBLIC_URL),
                s.required(Setting.PALAUTE_LINK_SECRET),
                survey,
                s.string(Setting.PALAUTE_LOCALE),
                s.directory(Setting.PALAUTE_TEMPLATES_DIR),
                s.duration(Setting.PALAUTE_SEND_DELAY),
                s.duration(Setting.PALAUTE_COOLDOWN),
                s.fraction(Setting.PALAUTE_SAMPLE_RATE),
                s.list(Setting.PALAUTE_EXCLUDE_TAGS),
                s.optional(Setting.PALAUTE_COMPANY),
                s.duration(Setting.PALAUTE_ANSWER_WINDOW),
                ChannelRules.parse(s.optional(Setting.PALAUTE_SURVEY_BY_CHANNEL).orElse(""),
                        s.string(Setting.PALAUTE_TEXT_CHANNELS), survey),
                s.optional(Setting.PALAUTE_EXPERIMENTS).map(Path::of),
                new Branding(s.optional(Setting.PALAUTE_BRAND_COLOR), s.optionalUrl(Setting.PALAUTE_LOGO_URL)));
    }
}
