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
        String textPrompt) {

    public static final String COMPANY_PLACEHOLDER = "{company}";

    public SurveyTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(locale, "locale");
    }

    /**
     * This template with {@value #COMPANY_PLACEHOLDER} replaced by the company name. The
     * result is plain text; escaping happens where it is written into markup.
     */
    public SurveyTemplate personalised(String company) {
        if (company == null || company.isBlank()) {
            throw new IllegalArgumentException("a company name is needed to fill " + COMPANY_PLACEHOLDER);
        }
        String name = company.strip();
        return new SurveyTemplate(id, metric, locale,
                fill(subject, name), fill(question, name), fill(lowLabel, name), fill(highLabel, name),
                fill(commentHint, name), fill(commentPrompt, name), fill(confirmButton, name),
                fill(chooseScore, name), fill(thankYou, name), fill(answerRecorded, name),
                fill(changeAnswerHint, name), fill(invalidLink, name), fill(expiredLink, name), fill(textPrompt, name));
    }

    private static String fill(String text, String company) {
        return text == null ? null : text.replace(COMPANY_PLACEHOLDER, company);
    }
}
