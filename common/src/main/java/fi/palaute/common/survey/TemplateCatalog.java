package fi.palaute.common.survey;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All survey templates by id and language, with the language fallback used when sending. */
public final class TemplateCatalog {

    private static final Logger log = LoggerFactory.getLogger(TemplateCatalog.class);

    /** id → language → template; sorted so the "any language" choice is repeatable. */
    private final Map<String, Map<String, SurveyTemplate>> templates;
    private final Language fallback;
    /** Missing translations already reported, so a busy queue does not repeat the same warning per ticket. */
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    /**
     * @param templates      one template per (id, language)
     * @param fallbackLocale language used when the requester's is missing (PALAUTE_LOCALE), e.g. {@code en}
     */
    public TemplateCatalog(Collection<SurveyTemplate> templates, String fallbackLocale) {
        this.fallback = Language.fromTag(fallbackLocale).orElseThrow(() -> new IllegalArgumentException(
                "fallback locale \"" + fallbackLocale + "\" is not a language such as en or fi-FI"));
        Map<String, Map<String, SurveyTemplate>> byId = new TreeMap<>();
        for (SurveyTemplate template : templates) {
            SurveyTemplate clash = byId.computeIfAbsent(template.id(), id -> new TreeMap<>())
                    .put(template.locale(), template);
            if (clash != null) {
                throw new IllegalArgumentException(
                        "template \"" + template.id() + "\" is given twice in \"" + template.locale() + "\"");
            }
        }
        byId.replaceAll((id, byLanguage) -> Collections.unmodifiableMap(byLanguage));
        this.templates = Collections.unmodifiableMap(byId);
    }

    /**
     * Loads the bundled templates (csat, ces, nps in en and fi) and then the custom folder.
     *
     * @param customDir      PALAUTE_TEMPLATES_DIR, or null when unset
     * @param fallbackLocale PALAUTE_LOCALE
     * @throws TemplateException naming the file and field of the first malformed template
     */
    public static TemplateCatalog load(Path customDir, String fallbackLocale) {
        return new TemplateCatalog(new TemplateLoader().load(customDir), fallbackLocale);
    }

    /**
     * The template in the requester's language; else in the fallback language (logged
     * as a warning when the requester's language was known); else in any language.
     *
     * @param templateId e.g. {@code csat} or a custom id (PALAUTE_SURVEY)
     * @param locale     the requester's locale as the helpdesk reports it ("fi", "fi-FI", "fi_FI"); may be null
     * @throws TemplateException when no template has that id
     */
    public SurveyTemplate find(String templateId, String locale) {
        Map<String, SurveyTemplate> byLanguage = templates.get(normalisedId(templateId));
        if (byLanguage == null) {
            throw new TemplateException("unknown survey template \"" + templateId + "\"; known templates: "
                    + String.join(", ", templates.keySet()));
        }
        Language wanted = Language.fromTag(locale).orElse(null);
        if (wanted != null && byLanguage.containsKey(wanted.code())) {
            return byLanguage.get(wanted.code());
        }
        SurveyTemplate chosen = byLanguage.containsKey(fallback.code())
                ? byLanguage.get(fallback.code())
                : byLanguage.values().iterator().next();
        if (wanted != null || !chosen.locale().equals(fallback.code())) {
            reportMissing(chosen, wanted == null ? fallback.code() : wanted.code());
        }
        return chosen;
    }

    public boolean contains(String templateId) {
        return templates.containsKey(normalisedId(templateId));
    }

    /** Every template id, sorted: the bundled csat, ces, nps and any custom ones. */
    public Set<String> ids() {
        return templates.keySet();
    }

    /** Languages the template exists in, sorted; empty for an unknown id. */
    public Set<String> locales(String templateId) {
        return templates.getOrDefault(normalisedId(templateId), Map.of()).keySet();
    }

    public String fallbackLocale() {
        return fallback.code();
    }

    private void reportMissing(SurveyTemplate chosen, String missingLanguage) {
        if (reportedMissing.add(chosen.id() + "/" + missingLanguage)) {
            log.warn("Survey template \"{}\" has no \"{}\" translation; sending it in \"{}\" instead",
                    chosen.id(), missingLanguage, chosen.locale());
        }
    }

    private static String normalisedId(String templateId) {
        return templateId == null ? "" : templateId.strip().toLowerCase(Locale.ROOT);
    }
}
