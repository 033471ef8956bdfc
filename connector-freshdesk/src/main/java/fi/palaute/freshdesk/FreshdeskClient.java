package fi.palaute.freshdesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fi.palaute.common.client.ApiClient;
import fi.palaute.common.client.ApiResponse;
import fi.palaute.common.client.CallPurpose;
import fi.palaute.common.client.CreditCost;
import fi.palaute.common.job.PermanentFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freshdesk API v2, one method per endpoint, typed answers. Failures are the {@link ApiClient}'s:
 * retryable (429, 5xx, I/O) or rejected (401, 403, 404, validation errors with Freshdesk's message).
 * Lists follow the {@code Link: <…>; rel="next"} header through every page.
 */
public final class FreshdeskClient {
    /** Freshdesk's largest page; fewer pages, fewer calls against the rate limit. */
    static final int PER_PAGE = 100;
    /** A ticket with more than 50 000 conversations is a loop, not a ticket. */
    private static final int MAX_PAGES = 500;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);

    private final ApiClient api;
    private final RateLimitFeedback feedback;
    private final ObjectMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * Freshdesk bills a call one credit and each {@code include} on it one more, and says what a call
     * cost in {@code X-RateLimit-Used-CurrentRequest}.
     */
    static final CreditCost CREDITS = new CreditCost("X-RateLimit-Used-CurrentRequest", FreshdeskClient::estimatedCredits);

    public FreshdeskClient(ApiClient api, RateLimitFeedback feedback) {
        this.api = api.withCreditCost(CREDITS);
        this.feedback = feedback;
    }

    /** The same client counting its calls (and credits) under {@code purpose}. */
    public FreshdeskClient withPurpose(CallPurpose purpose) {
        return new FreshdeskClient(api.withPurpose(purpose), feedback);
    }

    static int estimatedCredits(okhttp3.HttpUrl url) {
        String include = url.queryParameter("include");
        if (include == null || include.isBlank()) return 1;
        return 1 + (int) java.util.Arrays.stream(include.split(",")).filter(s -> !s.isBlank()).count();
    }

    /**
     * Freshdesk embeds at most this many conversations, oldest first, in a ticket view; a ticket with
     * this many may have more, read with {@link #conversations}.
     */
    static final int EMBEDDED_CONVERSATIONS = 10;

    /**
     * {@code GET /api/v2/tickets/{id}?include=requester,stats,conversations}: everything a survey needs
     * from the ticket in one call (4 credits), the first {@value #EMBEDDED_CONVERSATIONS} conversations among it.
     */
    public Ticket ticketWithConversations(String ticketId) {
        return read(get("api/v2/tickets/" + ticketId + "?include=requester,stats,conversations"), Ticket.class,
                "ticket " + ticketId);
    }

    /** {@code GET /api/v2/tickets/{id}}: the ticket alone (status, tags, fields), 1 credit. */
    public Ticket ticket(String ticketId) {
        return read(get("api/v2/tickets/" + ticketId), Ticket.class, "ticket " + ticketId);
    }

    /** {@code GET /api/v2/tickets/{id}?include=conversations}: the tags and the first conversations, 2 credits. */
    public Ticket ticketWithFirstConversations(String ticketId) {
        return read(get("api/v2/tickets/" + ticketId + "?include=conversations"), Ticket.class, "ticket " + ticketId);
    }

    /** {@code GET /api/v2/contacts/{id}}. */
    public Contact contact(long contactId) {
        return read(get("api/v2/contacts/" + contactId), Contact.class, "contact " + contactId);
    }

    /** {@code GET /api/v2/agents}, all pages: the account's agents, for the agent directory. */
    public List<Agent> agents() {
        return list("api/v2/agents?per_page=" + PER_PAGE, Agent.class);
    }

    /** {@code GET /api/v2/agents/{id}}: the agent, for the name digests and alerts show. */
    public Agent agent(long agentId) {
        return read(get("api/v2/agents/" + agentId), Agent.class, "agent " + agentId);
    }

    /** {@code GET /api/v2/groups/{id}}. */
    public Group group(long groupId) {
        return read(get("api/v2/groups/" + groupId), Group.class, "group " + groupId);
    }

    /** {@code GET /api/v2/agents/me}: the agent whose API key this is. */
    public Agent me() {
        return read(get("api/v2/agents/me"), Agent.class, "agents/me");
    }

    /** {@code GET /api/v2/tickets/{id}/conversations}, all pages, oldest first. */
    public List<Conversation> conversations(String ticketId) {
        return list("api/v2/tickets/" + ticketId + "/conversations?per_page=" + PER_PAGE, Conversation.class);
    }

    /** {@code GET /api/v2/tickets/{id}/time_entries}, all pages. */
    public List<TimeEntry> timeEntries(String ticketId) {
        return list("api/v2/tickets/" + ticketId + "/time_entries?per_page=" + PER_PAGE, TimeEntry.class);
    }

    /** {@code POST /api/v2/tickets/{id}/reply}: a public reply, mailed to the requester. */
    public Conversation reply(String ticketId, Reply reply) {
        return read(observe(api.post("api/v2/tickets/" + ticketId + "/reply", write(reply))), Conversation.class,
                "reply on ticket " + ticketId);
    }

    /** {@code POST /api/v2/tickets/{id}/notes}. */
    public Conversation note(String ticketId, Note note) {
        return read(observe(api.post("api/v2/tickets/" + ticketId + "/notes", write(note))), Conversation.class,
                "note on ticket " + ticketId);
    }

    /** {@code PUT /api/v2/tickets/{id}}. */
    public Ticket updateTicket(String ticketId, TicketUpdate update) {
        return read(observe(api.put("api/v2/tickets/" + ticketId, write(update))), Ticket.class, "ticket " + ticketId);
    }

    private ApiResponse get(String path) {
        return observe(api.get(path));
    }

    private ApiResponse observe(ApiResponse response) {
        feedback.observe(response.headers());
        return response;
    }

    private <T> List<T> list(String firstPage, Class<T> type) {
        List<T> all = new ArrayList<>();
        String next = firstPage;
        for (int page = 1; next != null; page++) {
            if (page > MAX_PAGES) throw new PermanentFailureException("Freshdesk list " + firstPage + " has over " + MAX_PAGES + " pages");
            ApiResponse response = get(next);
            if (!response.body().isArray()) {
                throw new PermanentFailureException("Freshdesk answered " + firstPage + " with something other than a list");
            }
            for (JsonNode item : response.body()) all.add(convert(item, type, firstPage));
            next = nextPage(response.header("Link")).orElse(null);
        }
        return all;
    }

    static Optional<String> nextPage(Optional<String> link) {
        if (link.isEmpty()) return Optional.empty();
        Matcher m = NEXT.matcher(link.get());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private <T> T read(ApiResponse response, Class<T> type, String what) {
        return convert(response.body(), type, what);
    }

    private <T> T convert(JsonNode node, Class<T> type, String what) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PermanentFailureException("Freshdesk sent an unreadable " + what + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + body.getClass().getSimpleName(), e);
        }
    }
}
