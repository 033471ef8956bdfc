package fi.palaute.zendesk;

import fi.palaute.common.client.CallPurpose;
import fi.palaute.common.client.CallResult;
import fi.palaute.common.job.RetryLaterException;
import fi.palaute.common.survey.AnswerWriteBack;
import fi.palaute.common.survey.Helpdesk;
import fi.palaute.common.survey.Requester;
import fi.palaute.common.survey.SurveyFormat;
import fi.palaute.common.survey.SurveyMessage;
import fi.palaute.common.survey.TicketOutcome;
import fi.palaute.common.survey.TicketSnapshot;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The survey flow's view of Zendesk. The cycle identity is the metric set's {@code solved_at}: a
 * reopen and a new solve give a new time, and our own survey reply does not change it.
 */
public final class ZendeskHelpdesk implements Helpdesk {
    private static final Logger log = LoggerFactory.getLogger(ZendeskHelpdesk.class);
    static final String FCR_DEFINITION = "Zendesk one-touch: solved with at most one public agent reply and no reopen";
    /** How far back hasReplyWith looks; the survey is among the newest comments when it is there at all. */
    private static final int MAX_COMMENT_PAGES = 5;

    private final ZendeskClient client;
    private final ZendeskClient writeBacks;
    private final ZendeskSettings settings;
    /**
     * What ticket() just read, for the outcome() that follows it in the same survey job: reading the ticket
     * and its metrics once instead of twice is a quarter of the API budget per survey. Bounded, because a
     * suppressed survey never asks for its outcome.
     */
    private final Map<String, Read> recent = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
                    return size() > 256;
                }
            });

    private record Read(ZendeskTicket ticket, TicketMetrics metrics) {}

    public ZendeskHelpdesk(ZendeskClient client, ZendeskSettings settings) {
        this.client = client.withPurpose(CallPurpose.SURVEY);
        this.writeBacks = client.withPurpose(CallPurpose.WRITE_BACK);
        this.settings = settings;
    }

    @Override
    public String source() {
        return ZendeskConnector.SOURCE;
    }

    @Override
    public TicketSnapshot ticket(String ticketId) {
        ShownTicket shown = client.showTicket(ticketId);
        ZendeskTicket t = shown.ticket();
        String status = t.status() == null ? "" : t.status().toLowerCase(Locale.ROOT);
        boolean solved = status.equals("solved") || status.equals("closed");
        TicketMetrics metrics = client.ticketMetrics(ticketId);
        if (solved && metrics.solvedAt() == null) throw notReady(ticketId);
        recent.put(ticketId, new Read(t, metrics));
        ZendeskUser r = shown.user(t.requesterId());
        Requester requester = r == null ? null
                : new Requester(String.valueOf(r.id()), r.email(), r.name(), r.locale(), r.isAgent());
        ZendeskUser assignee = shown.user(t.assigneeId());
        String group = t.groupId() == null ? null : shown.groupNames().getOrDefault(t.groupId(), String.valueOf(t.groupId()));
        return new TicketSnapshot(ticketId, status, solved, status.equals("closed"), metrics.solvedAt(), t.tags(),
                requester, assignee == null ? null : assignee.name(), group, t.channel(),
                settings.agentTicketUrl(ticketId), assignee == null ? null : assignee.email(), t.subject());
    }

    @Override
    public TicketOutcome outcome(TicketSnapshot ticket) {
        Read read = recent.remove(ticket.ticketId());
        TicketMetrics m = read != null ? read.metrics() : client.ticketMetrics(ticket.ticketId());
        if (m.solvedAt() == null) throw notReady(ticket.ticketId());
        Boolean fcr = m.replies() == null || m.reopens() == null ? null : m.replies() <= 1 && m.reopens() == 0;
        Long handle = null;
        String handleSource = null;
        if (settings.handleTimeField().isPresent()) {
            long field = settings.handleTimeField().get();
            handle = (read != null ? read.ticket() : client.ticket(ticket.ticketId())).numberField(field);
            handleSource = "Zendesk Time Tracking (ticket field " + field + ")";
        }
        Long resolution = m.fullResolutionMinutes() == null ? null : m.fullResolutionMinutes() * 60;
        return new TicketOutcome(fcr, FCR_DEFINITION, m.replies(), m.reopens(), handle,
                handle == null ? null : handleSource, resolution);
    }

    @Override
    public String cannotReply(TicketSnapshot ticket) {
        return ticket.closed()
                ? "ticket_closed: Zendesk does not allow updates to closed tickets (PALAUTE_SEND_DELAY must be shorter "
                        + "than the account's close automation)"
                : null;
    }

    @Override
    public CallResult<Void> postSurvey(TicketSnapshot ticket, SurveyMessage survey) {
        // A ticket closed since it was read answers TicketClosed: the survey job records it as such.
        return client.updateTicket(ticket.ticketId(), survey.format() == SurveyFormat.TEXT
                ? TicketUpdate.publicTextReply(survey.text())
                : TicketUpdate.publicReply(survey.html()));
    }

    @Override
    public boolean hasReplyWith(String ticketId, String marker) {
        return hasComment(client, ticketId, marker);
    }

    private static boolean hasComment(ZendeskClient client, String ticketId, String marker) {
        String next = null;
        for (int page = 0; page < MAX_COMMENT_PAGES; page++) {
            CommentPage comments = client.comments(ticketId, next);
            if (comments.comments().stream().anyMatch(c -> c.carries(marker))) return true;
            next = comments.nextPage();
            if (next == null) return false;
        }
        return false;
    }

    /**
     * One call: the bulk form of Update Many Tickets for this one ticket carries the private note (with
     * the answer's marker), the score tag to add, every other score tag to remove, and the score field.
     * Zendesk applies it in a background job. A retry first looks for the note's marker among the
     * comments: the update is all or nothing, so a note found means the earlier attempt landed whole.
     *
     * <p>A ticket closed by then is not known here: Zendesk queues the job and refuses the change inside
     * it (its job status says so for a day), and a closed ticket takes no change at all, tags included,
     * so there is nothing a second call could add. The answer stays in Palaute; see docs/zendesk.md.
     */
    @Override
    public CallResult<Void> writeBack(AnswerWriteBack answer, boolean retry) {
        String ticketId = answer.ticketId();
        if (retry && hasComment(writeBacks, ticketId, answer.noteMarker())) {
            log.info("write-back of answer={} already on ticket={} (an earlier attempt landed)", answer.answerId(), ticketId);
            return CallResult.done(null);
        }
        Map<Long, Object> fields = new LinkedHashMap<>();
        // A suspected bot's score stays out of the field, as it stays out of Palaute's own scores.
        if (settings.scoreField().isPresent() && !answer.suspectedBot()) fields.put(settings.scoreField().get(), answer.score());
        CallResult<String> queued = writeBacks.bulkUpdate(ticketId, TicketUpdate.privateNote(note(answer), fields)
                .withTags(answer.tagsToAdd(), answer.tagsToRemove()));
        if (queued instanceof CallResult.Done<String> job) {
            log.info("write-back of answer={} queued on ticket={} as Zendesk job {}", answer.answerId(), ticketId,
                    job.value());
        }
        return queued.map(job -> null);
    }

    /** A closed ticket answers {@link CallResult.TicketClosed}: the follow-up's outcome stays in Palaute. */
    @Override
    public CallResult<Void> addPrivateNote(String ticketId, String text) {
        return writeBacks.updateTicket(ticketId, TicketUpdate.privateNote(text, Map.of()));
    }

    @Override
    public boolean hasNoteWith(String ticketId, String marker) {
        // The comments list holds private notes as well as public replies.
        return hasComment(writeBacks, ticketId, marker);
    }

    static String note(AnswerWriteBack a) {
        StringBuilder s = new StringBuilder();
        s.append("Palaute survey answer: ").append(a.metric().id().toUpperCase(Locale.ROOT)).append(' ')
                .append(a.score()).append(" (scale ").append(a.metric().min()).append('–').append(a.metric().max())
                .append(")\n");
        s.append("Comment: ").append(a.comment() == null || a.comment().isBlank() ? "(none)" : a.comment()).append('\n');
        s.append("Answered at: ").append(a.answeredAt()).append('\n');
        if (a.suspectedBot()) {
            s.append("Flagged as possibly automated (a mail scanner, not the customer): left out of scores.\n");
        }
        // Lets a retry after a crash find this note instead of posting it twice.
        s.append(a.noteMarker()).append('\n');
        return s.toString();
    }

    private static RetryLaterException notReady(String ticketId) {
        return new RetryLaterException("ticket " + ticketId + " is solved but its metrics have no solved_at yet", null);
    }
}
