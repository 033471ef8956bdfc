package fi.palaute.common.survey;

import fi.palaute.common.client.CallResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An in-memory helpdesk for the survey flow's unit tests: tickets set by the test, replies and write-backs
 * recorded. (The connectors' own tests run against WireMock fakes of the vendors' APIs.)
 */
final class FakeHelpdesk implements Helpdesk {
    final Map<String, TicketSnapshot> tickets = new ConcurrentHashMap<>();
    final Map<String, List<String>> replies = new HashMap<>();
    final Map<String, List<String>> notes = new HashMap<>();
    final List<AnswerWriteBack> writeBacks = new ArrayList<>();
    /** What the next postSurvey answers instead of done, after (landed) or instead of recording the reply. */
    Supplier<CallResult<Void>> nextPostFails;
    boolean nextFailureLands;
    String cannotReply;
    int outcomeReads;

    @Override
    public String source() {
        return "fakedesk";
    }

    @Override
    public TicketSnapshot ticket(String ticketId) {
        TicketSnapshot t = tickets.get(ticketId);
        if (t == null) throw new IllegalStateException("no ticket " + ticketId);
        return t;
    }

    @Override
    public TicketOutcome outcome(TicketSnapshot ticket) {
        outcomeReads++;
        return new TicketOutcome(true, "fake one-touch", 1, 0, 600L, "fake time tracking", 3600L);
    }

    @Override
    public String cannotReply(TicketSnapshot ticket) {
        return cannotReply;
    }

    @Override
    public synchronized CallResult<Void> postSurvey(TicketSnapshot ticket, SurveyMessage survey) {
        Supplier<CallResult<Void>> failure = nextPostFails;
        nextPostFails = null;
        if (failure == null || nextFailureLands) replies.computeIfAbsent(ticket.ticketId(), k -> new ArrayList<>()).add(survey.html());
        return failure != null ? failure.get() : CallResult.done(null);
    }

    @Override
    public synchronized boolean hasReplyWith(String ticketId, String marker) {
        return replies.getOrDefault(ticketId, List.of()).stream().anyMatch(r -> r.contains(marker));
    }

    @Override
    public synchronized CallResult<Void> writeBack(AnswerWriteBack answer, boolean retried) {
        writeBacks.add(answer);
        return CallResult.done(null);
    }

    @Override
    public synchronized CallResult<Void> addPrivateNote(String ticketId, String text) {
        notes.computeIfAbsent(ticketId, k -> new ArrayList<>()).add(text);
        return CallResult.done(null);
    }

    @Override
    public synchronized boolean hasNoteWith(String ticketId, String marker) {
        return notes.getOrDefault(ticketId, List.of()).stream().anyMatch(n -> n.contains(marker));
    }

    synchronized int repliesOn(String ticketId) {
        return replies.getOrDefault(ticketId, List.of()).size();
    }
}
