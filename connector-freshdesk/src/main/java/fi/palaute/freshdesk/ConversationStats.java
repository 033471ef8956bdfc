package fi.palaute.freshdesk;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a ticket's conversations say about first-contact resolution. Our own survey replies (they
 * carry a rating link) are left out: a survey from an earlier cycle must not count as an agent reply.
 *
 * @param agentReplies                    public replies from agents (not notes, not incoming)
 * @param customerReplyAfterFirstAgentReply the requester wrote again after the first agent reply
 */
record ConversationStats(int agentReplies, boolean customerReplyAfterFirstAgentReply) {

    static ConversationStats of(List<Conversation> conversations, Long requesterId, String surveyLinkPrefix) {
        List<Conversation> agentReplies = conversations.stream()
                .filter(c -> isAgentReply(c, requesterId) && !c.contains(surveyLinkPrefix))
                .toList();
        Optional<Instant> firstAgentReply = agentReplies.stream().map(Conversation::created)
                .min(Comparator.naturalOrder());
        boolean customerAfter = firstAgentReply.isPresent() && conversations.stream()
                .anyMatch(c -> isCustomerReply(c, requesterId) && c.created().isAfter(firstAgentReply.get()));
        return new ConversationStats(agentReplies.size(), customerAfter);
    }

    static boolean isAgentReply(Conversation c, Long requesterId) {
        return !c.isPrivate() && !c.incoming() && !Integer.valueOf(Conversation.SOURCE_NOTE).equals(c.source())
                && !(requesterId != null && requesterId.equals(c.userId()));
    }

    static boolean isCustomerReply(Conversation c, Long requesterId) {
        return !c.isPrivate() && (c.incoming() || (requesterId != null && requesterId.equals(c.userId())));
    }

    /**
     * The newest public conversation is one of our surveys: nobody wrote since we asked. A resolve
     * after that is not a new resolution cycle — it is an agent or a rule (or our own status restore)
     * setting Resolved again — and must not send another survey.
     */
    static Optional<Instant> lastIsSurvey(List<Conversation> conversations, String surveyLinkPrefix) {
        return conversations.stream().filter(c -> !c.isPrivate())
                .max(Comparator.comparing(Conversation::created).thenComparingLong(Conversation::id))
                .filter(c -> c.contains(surveyLinkPrefix))
                .map(Conversation::created);
    }
}
