package fi.palaute.common.survey;

/**
 * A rendered survey ready to post as a public reply; {@code marker} lets a retry find a reply already posted.
 * {@code format} says which of the two bodies goes on the ticket: {@code html} for e-mail, {@code text}
 * for a channel that cannot show HTML.
 */
public record SurveyMessage(String html, String text, String marker, SurveyFormat format) {
    public SurveyMessage(String html, String text, String marker) {
        this(html, text, marker, SurveyFormat.HTML);
    }
}
