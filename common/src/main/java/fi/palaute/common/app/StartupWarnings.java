package fi.palaute.common.app;

import fi.palaute.common.config.Service;
import fi.palaute.common.config.Setting;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import fi.palaute.common.survey.TemplateCatalog;
import fi.palaute.common.survey.TemplateException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Values that are valid but probably not what was meant. {@code serve} logs each as a warning line at
 * start-up and {@code check} prints them; neither stops.
 */
public final class StartupWarnings {
    /** Zendesk's "Close ticket 4 days after status is set to solved" automation, on by default. */
    static final Duration ZENDESK_AUTO_CLOSE = Duration.ofDays(4);
    static final Duration SHORTEST_SENSIBLE_ANSWER_WINDOW = Duration.ofDays(1);

    private StartupWarnings() {}

    /** The warnings for the settings {@code service} reads; settings that are invalid are left to validation. */
    public static List<String> of(Service service, Settings env) {
        List<String> warnings = new ArrayList<>();
        if (!Setting.PALAUTE_PUBLIC_URL.readBy(service)) return warnings;
        valid(() -> env.duration(Setting.PALAUTE_SEND_DELAY)).ifPresent(delay -> {
            if (service == Service.ZENDESK && delay.compareTo(ZENDESK_AUTO_CLOSE) > 0) {
                warnings.add("PALAUTE_SEND_DELAY " + env.string(Setting.PALAUTE_SEND_DELAY) + " is longer than Zendesk's default auto-close of solved "
                        + "tickets (4 days): a closed ticket takes no survey reply (recorded as ticket_closed)");
            }
        });
        valid(() -> env.duration(Setting.PALAUTE_ANSWER_WINDOW)).ifPresent(window -> {
            if (window.compareTo(SHORTEST_SENSIBLE_ANSWER_WINDOW) < 0) {
                warnings.add("PALAUTE_ANSWER_WINDOW " + env.string(Setting.PALAUTE_ANSWER_WINDOW) + " is under one day: a customer who reads the mail "
                        + "the next day finds the survey closed");
            }
        });
        valid(() -> env.optional(Setting.PALAUTE_PUBLIC_URL).map(URI::create)).flatMap(u -> u)
                .filter(u -> "http".equalsIgnoreCase(u.getScheme()))
                .ifPresent(u -> warnings.add("PALAUTE_PUBLIC_URL is http://, not https://: rating links and answers "
                        + "travel unencrypted, and browsers mark the page not secure"));
        localeWithoutTemplate(env).ifPresent(warnings::add);
        return warnings;
    }

    private static Optional<String> localeWithoutTemplate(Settings env) {
        return valid(() -> {
            String survey = env.string(Setting.PALAUTE_SURVEY);
            String locale = env.string(Setting.PALAUTE_LOCALE);
            TemplateCatalog catalog = TemplateCatalog.load(env.directory(Setting.PALAUTE_TEMPLATES_DIR).orElse(null), locale);
            Set<String> locales = catalog.locales(survey);
            String language = catalog.fallbackLocale();
            if (locales.isEmpty() || locales.contains(language)) return null;
            return "PALAUTE_LOCALE " + locale + ": survey template " + survey + " has no " + language
                    + " version (bundled or in PALAUTE_TEMPLATES_DIR; it has " + String.join(", ", locales)
                    + "): customers without a translation of their own get it in " + locales.iterator().next();
        });
    }

    private interface Read<T> {
        T get();
    }

    /** The value, or empty when it is invalid (validation reports that) or absent. */
    private static <T> Optional<T> valid(Read<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (SettingException | TemplateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
