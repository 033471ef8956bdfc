package fi.palaute.common.survey;

import java.util.Optional;

/**
 * What a survey is about, said at the top of the survey e-mail ("About your request #1002: Cannot log in")
 * so a customer with several requests knows which one is meant. The title is the customer's own text:
 * it is reduced to one plain line here (no control or direction-changing characters, bounded length) and
 * escaped where it goes into markup.
 *
 * @param ticketId the helpdesk's ticket number as the customer sees it
 * @param title    the ticket's subject, or empty when it has none
 */
public record RequestContext(String ticketId, Optional<String> title) {
    /** Long enough for any real subject line; a pasted essay is cut with an ellipsis. */
    static final int TITLE_MAX_LENGTH = 120;

    public RequestContext {
        java.util.Objects.requireNonNull(ticketId, "ticketId");
        title = title.map(RequestContext::oneLine).filter(t -> !t.isEmpty());
    }

    public static RequestContext of(TicketSnapshot ticket) {
        return new RequestContext(ticket.ticketId(), Optional.ofNullable(ticket.subject()));
    }

    /** The line in the survey's language, as plain text. */
    public String line(String locale) {
        String request = Language.fromTag(locale).map(Language::code).orElse("en").equals("fi")
                ? "Koskee pyyntöäsi #" + oneLine(ticketId)
                : "About your request #" + oneLine(ticketId);
        return title.map(t -> request + ": " + t).orElse(request);
    }

    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), TITLE_MAX_LENGTH + 1));
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            // Line breaks and tabs become one space; other controls, bidi overrides and zero-width
            // characters go, so a title cannot break the layout or display reversed.
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                continue;
            }
            if (space) out.append(' ');
            space = false;
            out.appendCodePoint(c);
        }
        if (out.codePointCount(0, out.length()) <= TITLE_MAX_LENGTH) return out.toString();
        int end = out.offsetByCodePoints(0, TITLE_MAX_LENGTH - 1);
        return out.substring(0, end).stripTrailing() + "…";
    }
}
