package fi.palaute.common.survey;

import fi.palaute.common.client.CallResult;

/**
 * What the survey flow needs from a helpdesk. Zendesk and Freshdesk each implement it on their own API
 * client. The writes answer a {@link CallResult}: done, or what the helpdesk said instead, business
 * outcomes ({@link CallResult.TicketClosed}) included, for the job handler to act on; reads throw the
 * client's retryable or rejected exceptions, the same classification in the form the job queue takes.
 */
public interface Helpdesk {
    /** Short lower-case name stored with every row: {@code zendesk} or {@code freshdesk}. */
    String source();

    /**
     * Reads the ticket and its requester. The requester's locale may be null when the helpdesk cannot
     * say it without another call: see {@link #requesterLanguage}.
     */
    TicketSnapshot ticket(String ticketId);

    /**
     * The requester's language when {@link #ticket} left it null (Freshdesk's ticket view carries no
     * language: the contact has it). Asked only for a survey about to be sent in a template that exists
     * in more than one language, so suppressed surveys cost no call. Null when unknown.
     */
    default String requesterLanguage(TicketSnapshot ticket) {
        return null;
    }

    /** Reads FCR, handle time and resolution time; throws a retryable exception when metrics are not ready. */
    TicketOutcome outcome(TicketSnapshot ticket);

    /** A reason this ticket cannot take a public reply now (Zendesk: closed), or null. */
    default String cannotReply(TicketSnapshot ticket) {
        return null;
    }

    /** Posts the survey as a public reply, leaving the ticket's status as it was. */
    CallResult<Void> postSurvey(TicketSnapshot ticket, SurveyMessage survey);

    /** True when a reply carrying this marker is already on the ticket (a retry after a crash mid-post). */
    boolean hasReplyWith(String ticketId, String marker);

    /**
     * Writes an answer back in as few calls as the helpdesk allows: private note (carrying
     * {@link AnswerWriteBack#noteMarker()}), the score tag in place of any earlier one, the score field.
     *
     * @param retry an earlier attempt of this write-back ran and may have landed: look for the note's
     *              marker before writing it again
     */
    CallResult<Void> writeBack(AnswerWriteBack answer, boolean retry);

    /** Adds a private (internal) note in plain text: the outcome of a follow-up. */
    CallResult<Void> addPrivateNote(String ticketId, String text);

    /** True when a private note carrying this marker is already on the ticket (a retry after a crash mid-write). */
    boolean hasNoteWith(String ticketId, String marker);
}
