package fi.palaute.freshdesk;

import fi.palaute.common.survey.HtmlText;

/** Body of {@code POST /api/v2/tickets/{id}/reply}: a public reply in HTML, mailed to the requester. */
public record Reply(String body) {
    /**
     * A reply that is plain text: Freshdesk's {@code body} is always HTML, so the text is escaped and its
     * lines kept apart with {@code <br>} only; no table, style or hidden link for a chat to strip.
     */
    public static Reply plainText(String text) {
        return new Reply(String.join("<br>\n", HtmlText.escape(text.strip()).split("\n")));
    }
}
