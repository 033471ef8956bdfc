package fi.palaute.freshdesk;

import fi.palaute.common.client.ApiRejectedException;
import fi.palaute.common.client.CallPurpose;
import fi.palaute.common.survey.AnswerWriteBack;
import fi.palaute.common.survey.Helpdesk;
import fi.palaute.common.survey.HtmlText;
import fi.palaute.common.survey.Requester;
import fi.palaute.common.survey.SurveyFormat;
import fi.palaute.common.survey.SurveyMessage;
import fi.palaute.common.survey.TicketOutcome;
import fi.palaute.common.survey.TicketSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The survey flow's view of Freshdesk, on {@link FreshdeskClient}. */
public final class FreshdeskHelpdesk implements Helpdesk {
    private static final Logger log = LoggerFactory.getLogger(FreshdeskHelpdesk.class);
    static final String FCR_DEFINITION = "Freshdesk: at most one public agent reply, no customer reply after the "
            + "first agent reply, and not reopened (stats.reopened_at empty)";
    static final String HANDLE_TIME_SOURCE = "freshdesk_time_entries";

    private final FreshdeskClient client;
    private final FreshdeskClient writeBacks;
    private final FreshdeskClient lookups;
    private final FreshdeskSettings settings;
    private final Map<Long, Agent.AgentContact> agents = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, String> groupNames = new java.util.concurrent.ConcurrentHashMap<>();

    public FreshdeskHelpdesk(FreshdeskClient client, FreshdeskSettings settings) {
        this.client = client.withPurpose(CallPurpose.SURVEY);
        this.writeBacks = client.withPurpose(CallPurpose.WRITE_BACK);
        this.lookups = client.withPurpose(CallPurpose.NAME_LOOKUP);
        this.settings = settings;
    }

    @Override
    public String source() {
        return "freshdesk";
    }

    @Override
    public TicketSnapshot ticket(String ticketId) {
        Ticket t = client.ticket(ticketId);
        Instant solvedAt = t.stats() == null ? null
                : Optional.ofNullable(t.stats().resolved()).orElse(t.stats().closed());
        boolean solved = t.solved();
        String status = t.statusName();
        if (solved && solvedAt != null) {
            Optional<Instant> survey = ConversationStats.lastIsSurvey(client.conversations(ticketId),
                    settings.surveyLinkPrefix());
            if (survey.isPresent() && solvedAt.isAfter(survey.get())) {
                solved = false;
                status = t.statusName() + " again with no conversation since our survey (not a new resolution)";
            }
        }
        return new TicketSnapshot(ticketId, status, solved, t.status() == Ticket.CLOSED, solvedAt, t.tags(),
                requester(t), agentName(t.responderId()), groupName(t.groupId()), t.sourceName(),
                settings.baseUrl() + "/a/tickets/" + ticketId, agentEmail(t.responderId()));
    }

    private Requester requester(Ticket t) {
        TicketRequester r = t.requester();
        Long id = r != null ? Long.valueOf(r.id()) : t.requesterId();
        if (id == null) return null;
        String email = r == null ? null : r.email();
        String name = r == null ? null : r.name();
        boolean agent = email != null && !email.isBlank() && !client.agentsWithEmail(email).isEmpty();
        String language = null;
        if (!agent) {
            try {
                Contact contact = client.contact(id);
                language = contact.language();
                if (email == null) email = contact.email();
                if (name == null) name = contact.name();
            } catch (ApiRejectedException e) {
                // A deleted or merged contact: survey in the fallback language (or not at all without an email).
                if (e.status() != 404) throw e;
                log.info("contact {} of ticket={} not found; using the fallback language", id, t.id());
            }
        }
        return new Requester(Long.toString(id), email, name, language, agent);
    }

    @Override
    public TicketOutcome outcome(TicketSnapshot snapshot) {
        String ticketId = snapshot.ticketId();
        Ticket t = client.ticket(ticketId);
        Long requesterId = snapshot.requester() == null ? null : Long.valueOf(snapshot.requester().id());
        ConversationStats conversations = ConversationStats.of(client.conversations(ticketId), requesterId,
                settings.surveyLinkPrefix());
        boolean reopened = t.stats() != null && t.stats().reopened() != null;
        boolean fcr = !reopened && conversations.agentReplies() <= 1 && !conversations.customerReplyAfterFirstAgentReply();
        List<TimeEntry> entries = client.timeEntries(ticketId);
        // No time entries means nobody tracked time: absent, never resolution time in its place.
        Long handle = entries.isEmpty() ? null : entries.stream().mapToLong(TimeEntry::seconds).sum();
        Instant resolved = Optional.ofNullable(snapshot.solvedAt()).orElse(null);
        Long resolution = resolved == null || t.created() == null ? null
                : Math.max(0, Duration.between(t.created(), resolved).toSeconds());
        return new TicketOutcome(fcr, FCR_DEFINITION, conversations.agentReplies(),
                // Freshdesk keeps only the last reopen time, so this is "reopened at least once".
                reopened ? 1 : 0, handle, handle == null ? null : HANDLE_TIME_SOURCE, resolution);
    }

    /**
     * Posts the survey as a public reply. Freshdesk's reply API leaves the status alone, but accounts
     * often have a rule such as "agent replies → set Pending"; if the status moved, it is put back so
     * a resolved ticket does not land in agents' queues. Failing to restore is logged, never fatal:
     * the survey is out and must be recorded as sent.
     */
    @Override
    public void postSurvey(TicketSnapshot ticket, SurveyMessage survey) {
        client.reply(ticket.ticketId(), survey.format() == SurveyFormat.TEXT
                ? Reply.plainText(survey.text())
                : new Reply(survey.html()));
        int wanted = ticket.closed() ? Ticket.CLOSED : Ticket.RESOLVED;
        try {
            Ticket after = client.ticket(ticket.ticketId());
            if (after.status() != wanted) {
                client.updateTicket(ticket.ticketId(), TicketUpdate.status(wanted));
                log.info("survey reply moved ticket={} to {}; status restored to {}", ticket.ticketId(),
                        after.statusName(), wanted == Ticket.CLOSED ? "closed" : "resolved");
            }
        } catch (RuntimeException e) {
            log.warn("survey posted on ticket={} but its status could not be checked or restored: {}",
                    ticket.ticketId(), e.getMessage());
        }
    }

    @Override
    public boolean hasReplyWith(String ticketId, String marker) {
        return client.conversations(ticketId).stream().anyMatch(c -> !c.isPrivate() && c.contains(marker));
    }

    /**
     * Tag and score field first (a PUT that may safely run twice), then the private note unless a
     * retry finds it already there. Freshdesk's PUT replaces the whole tag list, so the current tags
     * are read and kept; only our own earlier tag for the same metric (a replaced answer) is dropped.
     */
    @Override
    public void writeBack(AnswerWriteBack answer) {
        String ticketId = answer.ticketId();
        Ticket t = writeBacks.ticket(ticketId);
        List<String> tags = mergedTags(t.tags(), answer);
        Map<String, Object> fields = null;
        if (settings.scoreField().isPresent()) {
            fields = new LinkedHashMap<>();
            fields.put(settings.scoreField().get(), answer.score());
        }
        if (!tags.equals(t.tags()) || fields != null) {
            writeBacks.updateTicket(ticketId, new TicketUpdate(null, tags, fields));
        }
        String marker = noteMarker(answer);
        boolean noted = writeBacks.conversations(ticketId).stream().anyMatch(c -> c.isPrivate() && c.contains(marker));
        if (!noted) writeBacks.note(ticketId, Note.privateNote(noteHtml(answer, marker)));
    }

    @Override
    public void addPrivateNote(String ticketId, String text) {
        StringBuilder html = new StringBuilder();
        for (String line : text.split("\n")) html.append("<p>").append(HtmlText.escape(line)).append("</p>");
        client.note(ticketId, Note.privateNote(html.toString()));
    }

    @Override
    public boolean hasNoteWith(String ticketId, String marker) {
        return client.conversations(ticketId).stream().anyMatch(c -> c.isPrivate() && c.contains(marker));
    }

    static List<String> mergedTags(List<String> current, AnswerWriteBack answer) {
        String ownPrefix = "palaute_" + answer.metric().id() + "_";
        List<String> merged = new ArrayList<>();
        for (String tag : current) {
            if (!tag.toLowerCase(Locale.ROOT).startsWith(ownPrefix)) merged.add(tag);
        }
        merged.add(answer.tag());
        return merged;
    }

    static String noteMarker(AnswerWriteBack answer) {
        return "palaute-answer-" + answer.answerId();
    }

    private static String noteHtml(AnswerWriteBack a, String marker) {
        StringBuilder html = new StringBuilder()
                .append("<p><strong>Palaute ").append(a.metric().id().toUpperCase(Locale.ROOT)).append(" answer: ")
                .append(a.score()).append("</strong> (").append(a.metric().min()).append("–").append(a.metric().max())
                .append(")</p>");
        if (a.comment() != null && !a.comment().isBlank()) {
            html.append("<p>Comment: ").append(HtmlText.escape(a.comment())).append("</p>");
        }
        if (a.suspectedBot()) {
            html.append("<p><em>This answer looks automated (e.g. a mail scanner) and is left out of scores.</em></p>");
        }
        html.append("<p><small>").append(marker).append(" · ").append(a.answeredAt()).append("</small></p>");
        return html.toString();
    }

    private static String id(Long value) {
        return value == null ? null : Long.toString(value);
    }

    /**
     * Digests and alerts show people's names, not ids. Names are looked up once per process; an agent or
     * group Freshdesk no longer knows (deleted) keeps its id.
     */
    private String agentName(Long agentId) {
        if (agentId == null) return null;
        String name = agent(agentId).name();
        return name != null ? name : id(agentId);
    }

    /** The agent's contact e-mail, which Slack's App Home matches the Slack user by. */
    private String agentEmail(Long agentId) {
        return agentId == null ? null : agent(agentId).email();
    }

    private Agent.AgentContact agent(long agentId) {
        return agents.computeIfAbsent(agentId, id -> {
            try {
                Agent a = lookups.agent(id);
                return a.contact() != null ? a.contact() : new Agent.AgentContact(null, null);
            } catch (ApiRejectedException e) {
                return new Agent.AgentContact(null, null);
            }
        });
    }

    private String groupName(Long groupId) {
        if (groupId == null) return null;
        return groupNames.computeIfAbsent(groupId, id -> {
            try {
                Group g = lookups.group(id);
                return g.name() != null ? g.name() : id(id);
            } catch (ApiRejectedException e) {
                return id(id);
            }
        });
    }
}
