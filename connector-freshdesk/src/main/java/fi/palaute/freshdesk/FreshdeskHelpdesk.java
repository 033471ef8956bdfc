package fi.palaute.freshdesk;

import fi.palaute.common.client.CallPurpose;
import fi.palaute.common.client.CallResult;
import fi.palaute.common.survey.AnswerWriteBack;
import fi.palaute.common.survey.Helpdesk;
import fi.palaute.common.survey.HtmlText;
import fi.palaute.common.survey.Requester;
import fi.palaute.common.survey.SurveyFormat;
import fi.palaute.common.survey.SurveyMessage;
import fi.palaute.common.survey.TicketOutcome;
import fi.palaute.common.survey.TicketSnapshot;
import java.time.Clock;
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
    private final AgentDirectory directory;
    /** Agents the directory does not list (deleted, or added since it was read), looked up once each. */
    private final Map<Long, Agent.AgentContact> agents = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, String> groupNames = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * What ticket() just read, for the outcome() that follows it in the same survey job: the ticket, its
     * stats and its conversations come in one view, so the outcome costs no second read. Bounded, because
     * a suppressed survey never asks for its outcome.
     */
    private final Map<String, Read> recent = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
                    return size() > 256;
                }
            });

    private record Read(Ticket ticket, List<Conversation> conversations) {}

    public FreshdeskHelpdesk(FreshdeskClient client, FreshdeskSettings settings, Clock clock) {
        this.client = client.withPurpose(CallPurpose.SURVEY);
        this.writeBacks = client.withPurpose(CallPurpose.WRITE_BACK);
        this.lookups = client.withPurpose(CallPurpose.NAME_LOOKUP);
        this.settings = settings;
        this.directory = new AgentDirectory(lookups, clock);
    }

    @Override
    public String source() {
        return FreshdeskConnector.SOURCE;
    }

    /**
     * One view with the requester, stats and the first conversations embedded; the rest of the
     * conversations only when the ticket has more than Freshdesk embeds.
     */
    @Override
    public TicketSnapshot ticket(String ticketId) {
        Read read = read(ticketId);
        recent.put(ticketId, read);
        Ticket t = read.ticket();
        Instant solvedAt = t.stats() == null ? null
                : Optional.ofNullable(t.stats().resolved()).orElse(t.stats().closed());
        boolean solved = t.solved();
        String status = t.statusName();
        if (solved && solvedAt != null) {
            Optional<Instant> survey = ConversationStats.lastIsSurvey(read.conversations(), settings.surveyLinkPrefix());
            if (survey.isPresent() && solvedAt.isAfter(survey.get())) {
                solved = false;
                status = t.statusName() + " again with no conversation since our survey (not a new resolution)";
            }
        }
        return new TicketSnapshot(ticketId, status, solved, t.status() == Ticket.CLOSED, solvedAt, t.tags(),
                requester(t), agentName(t.responderId()), groupName(t.groupId()), t.sourceName(),
                settings.baseUrl() + "/a/tickets/" + ticketId, agentEmail(t.responderId()), t.subject());
    }

    private Read read(String ticketId) {
        Ticket t = client.ticketWithConversations(ticketId);
        List<Conversation> conversations = t.conversations().size() < FreshdeskClient.EMBEDDED_CONVERSATIONS
                ? t.conversations() : client.conversations(ticketId);
        return new Read(t, conversations);
    }

    /**
     * The requester as the ticket view embeds it (id, name, e-mail; no language), and whether the
     * address is an agent's. The contact is read here only when the view gave no e-mail address;
     * otherwise its language is asked for later, and only for a survey that goes out.
     */
    private Requester requester(Ticket t) {
        TicketRequester r = t.requester();
        Long id = r != null ? Long.valueOf(r.id()) : t.requesterId();
        if (id == null) return null;
        String email = r == null ? null : r.email();
        String name = r == null ? null : r.name();
        String language = null;
        if (email == null || email.isBlank()) {
            Optional<Contact> contact = contact(id, t.id());
            if (contact.isPresent()) {
                email = contact.get().email();
                if (name == null) name = contact.get().name();
                language = contact.get().language();
            }
        }
        boolean agent = email != null && !email.isBlank() && directory.isAgent(email);
        return new Requester(Long.toString(id), email, name, language, agent);
    }

    @Override
    public String requesterLanguage(TicketSnapshot ticket) {
        if (ticket.requester() == null) return null;
        return contact(Long.parseLong(ticket.requester().id()), Long.parseLong(ticket.ticketId()))
                .map(Contact::language).orElse(null);
    }

    private Optional<Contact> contact(long contactId, long ticketId) {
        CallResult<Contact> contact = client.contact(contactId);
        if (contact instanceof CallResult.NotFound<Contact>) {
            // A deleted or merged contact: survey in the fallback language (or not at all without an email).
            log.info("contact {} of ticket={} not found; using the fallback language", contactId, ticketId);
            return Optional.empty();
        }
        return Optional.of(contact.orThrow());
    }

    @Override
    public TicketOutcome outcome(TicketSnapshot snapshot) {
        String ticketId = snapshot.ticketId();
        Read read = recent.remove(ticketId);
        if (read == null) read = read(ticketId);
        Ticket t = read.ticket();
        Long requesterId = snapshot.requester() == null ? null : Long.valueOf(snapshot.requester().id());
        ConversationStats conversations = ConversationStats.of(read.conversations(), requesterId,
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
     * a resolved ticket does not land in agents' queues. The check is a plain view (1 credit, nothing
     * embedded). Failing to restore is logged, never fatal: the survey is out and must be recorded as sent.
     */
    @Override
    public CallResult<Void> postSurvey(TicketSnapshot ticket, SurveyMessage survey) {
        CallResult<Conversation> reply = client.reply(ticket.ticketId(), survey.format() == SurveyFormat.TEXT
                ? Reply.plainText(survey.text())
                : new Reply(survey.html()));
        if (!(reply instanceof CallResult.Done<Conversation>)) return reply.map(posted -> null);
        int wanted = ticket.closed() ? Ticket.CLOSED : Ticket.RESOLVED;
        try {
            Ticket after = client.ticket(ticket.ticketId());
            if (after.status() != wanted) {
                client.updateTicket(ticket.ticketId(), TicketUpdate.status(wanted)).orThrow();
                log.info("survey reply moved ticket={} to {}; status restored to {}", ticket.ticketId(),
                        after.statusName(), wanted == Ticket.CLOSED ? "closed" : "resolved");
            }
        } catch (RuntimeException e) {
            log.warn("survey posted on ticket={} but its status could not be checked or restored: {}",
                    ticket.ticketId(), e.getMessage());
        }
        return CallResult.done(null);
    }

    @Override
    public boolean hasReplyWith(String ticketId, String marker) {
        return client.conversations(ticketId).stream().anyMatch(c -> !c.isPrivate() && c.carries(marker));
    }

    /**
     * Three calls, the fewest Freshdesk allows: its PUT replaces the whole tag list, so the current tags
     * are read first (the customer's and agents' tags are kept, our earlier score tag dropped), and a
     * note is an endpoint of its own. Tag and score field go first (a PUT that may safely run twice),
     * then the note; a retry reads the ticket with its first conversations embedded (one more credit,
     * no more calls) to find a note an earlier attempt posted.
     */
    @Override
    public CallResult<Void> writeBack(AnswerWriteBack answer, boolean retry) {
        String ticketId = answer.ticketId();
        String marker = answer.noteMarker();
        boolean noted = false;
        Ticket t;
        if (retry) {
            t = writeBacks.ticketWithFirstConversations(ticketId);
            List<Conversation> conversations = t.conversations().size() < FreshdeskClient.EMBEDDED_CONVERSATIONS
                    ? t.conversations() : writeBacks.conversations(ticketId);
            noted = conversations.stream().anyMatch(c -> c.isPrivate() && c.carries(marker));
        } else {
            t = writeBacks.ticket(ticketId);
        }
        List<String> tags = mergedTags(t.tags(), answer);
        Map<String, Object> fields = null;
        // A suspected bot's score stays out of the field, as it stays out of Palaute's own scores.
        if (settings.scoreField().isPresent() && !answer.suspectedBot()) {
            fields = new LinkedHashMap<>();
            fields.put(settings.scoreField().get(), answer.score());
        }
        if (!tags.equals(t.tags()) || fields != null) {
            CallResult<Ticket> updated = writeBacks.updateTicket(ticketId, new TicketUpdate(null, tags, fields));
            if (!(updated instanceof CallResult.Done<Ticket>)) return updated.map(ticket -> null);
        }
        if (noted) {
            log.info("write-back of answer={} already on ticket={} (an earlier attempt posted its note)",
                    answer.answerId(), ticketId);
            return CallResult.done(null);
        }
        return writeBacks.note(ticketId, Note.privateNote(noteHtml(answer, marker))).map(note -> null);
    }

    @Override
    public CallResult<Void> addPrivateNote(String ticketId, String text) {
        StringBuilder html = new StringBuilder();
        for (String line : text.split("\n")) html.append("<p>").append(HtmlText.escape(line)).append("</p>");
        return writeBacks.note(ticketId, Note.privateNote(html.toString())).map(note -> null);
    }

    @Override
    public boolean hasNoteWith(String ticketId, String marker) {
        return writeBacks.conversations(ticketId).stream().anyMatch(c -> c.isPrivate() && c.carries(marker));
    }

    /**
     * The ticket's tags with ours brought up to date: every tag the customer or agents set is kept,
     * every score tag of an earlier answer (any metric) and a stale bot flag dropped, so the ticket ends
     * with exactly one score tag.
     */
    static List<String> mergedTags(List<String> current, AnswerWriteBack answer) {
        java.util.Set<String> ours = new java.util.HashSet<>(answer.tagsToRemove());
        ours.addAll(answer.tagsToAdd());
        List<String> merged = new ArrayList<>();
        for (String tag : current) {
            String lower = tag.toLowerCase(Locale.ROOT);
            if (!ours.contains(lower) && !AnswerWriteBack.isScoreTag(lower)) merged.add(tag);
        }
        merged.addAll(answer.tagsToAdd());
        return merged;
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
     * Digests and alerts show people's names, not ids. Agents' names come from the agent directory;
     * one it does not list (deleted, or added since it was read) and groups are looked up once per
     * process; an agent or group Freshdesk no longer knows keeps its id.
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
        Optional<Agent.AgentContact> listed = directory.contact(agentId);
        if (listed.isPresent()) return listed.get();
        return agents.computeIfAbsent(agentId, id -> {
            CallResult<Agent> a = lookups.agent(id);
            // An agent Freshdesk no longer knows (or will not show) keeps its id; a passing failure retries.
            if (a.refused().isPresent()) return new Agent.AgentContact(null, null);
            Agent agent = a.orThrow();
            return agent.contact() != null ? agent.contact() : new Agent.AgentContact(null, null);
        });
    }

    private String groupName(Long groupId) {
        if (groupId == null) return null;
        return groupNames.computeIfAbsent(groupId, id -> {
            CallResult<Group> g = lookups.group(id);
            if (g.refused().isPresent()) return id(id);
            String name = g.orThrow().name();
            return name != null ? name : id(id);
        });
    }
}
