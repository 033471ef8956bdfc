package fi.palaute.common.survey;

import fi.palaute.common.score.Metric;
import java.util.Objects;

/**
 * The wording of one survey in one language. Text fields may contain the placeholder
 * {@value #COMPANY_PLACEHOLDER}, filled in by {@link #personalised(String)} at render time.
 *
 * @param id               template id, e.g. {@code csat} or a custom {@code csat-short}
 * @param metric           the scale the answer is given on
 * @param locale           language code, e.g. {@code fi}
 * @param subject          intro line and page title, e.g. "How did we do?"
 * @param question         the one question
 * @param lowLabel         meaning of the lowest score
 * @param highLabel        meaning of the highest score
 * @param commentHint      e-mail line saying a comment can be added after clicking
 * @param commentPrompt    label of the optional comment box
 * @param confirmButton    label of the button that records the answer
 * @param chooseScore      shown when the form was sent without a score
 * @param thankYou         heading after the answer was recorded
 * @param answerRecorded   confirmation sentence after recording
 * @param changeAnswerHint tells the customer the link works again until the survey expires
 * @param invalidLink      page text for a forged, altered or unknown link
 * @param expiredLink      page text for a link whose survey has closed
 * @param textPrompt       the plain-text form's line before the rating links, e.g. "Open the link that
 *                         matches your answer:"; null in a custom template that has none (the line is left out)
 * @param company          the company name in this language when PALAUTE_COMPANY is not set (en "our support
 *                         team"); null when the wording needs a real name there. After
 *                         {@link #personalised(String)}: the name used, or null when there was none to use
 */
public record SurveyTemplate(
        String id,
        Metric metric,
        String locale,
        String subject,
        String question,
        String lowLabel,
        String highLabel,
        String commentHint,
        String commentPrompt,
        String confirmButton,
        String chooseScore,
        String thankYou,
        String answerRecorded,
        String changeAnswerHint,
        String invalidLink,
        String expiredLink,
        String textPrompt,
        String company) {

    public static final String COMPANY_PLACEHOLDER = "{company}";

    public SurveyTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(locale, "locale");
    }

    /**
     * This template with {@value #COMPANY_PLACEHOLDER} replaced by the company name: PALAUTE_COMPANY when
     * set, else this language's own default, so an unset name never puts English into a Finnish survey.
     * The result is plain text; escaping happens where it is written into markup.
     *
     * @param configured PALAUTE_COMPANY, or null when it is not set
     * @throws IllegalStateException when the wording names the company and there is no name for it (start-up
     *                               refuses that: {@link #needsCompanyName()})
     */
    public SurveyTemplate personalised(String configured) {
        String name = configured != null && !configured.isBlank() ? configured.strip() : company;
        if (name == null) {
            if (needsCompanyName()) {
                throw new IllegalStateException("survey template " + id + " (" + locale + ") names the company and "
                        + "PALAUTE_COMPANY is not set");
            }
            return this;
        }
        return new SurveyTemplate(id, metric, locale,
                fill(subject, name), fill(question, name), fill(lowLabel, name), fill(highLabel, name),
                fill(commentHint, name), fill(commentPrompt, name), fill(confirmButton, name),
                fill(chooseScore, name), fill(thankYou, name), fill(answerRecorded, name),
                fill(changeAnswerHint, name), fill(invalidLink, name), fill(expiredLink, name), fill(textPrompt, name),
                name);
    }

    /** True when the wording has {@value #COMPANY_PLACEHOLDER} and the template has no default name for it. */
    public boolean needsCompanyName() {
        return company == null && java.util.stream.Stream.of(subject, question, lowLabel, highLabel, commentHint,
                        commentPrompt, confirmButton, chooseScore, thankYou, answerRecorded, changeAnswerHint, invalidLink,
                        expiredLink, textPrompt)
                .anyMatch(t -> t != null && t.contains(COMPANY_PLACEHOLDER));
    }

    private static String fill(String text, String company) {
        return text == null ? null : text.replace(COMPANY_PLACEHOLDER, company);
    }
}
