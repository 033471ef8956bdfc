package fi.palaute.freshdesk;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.common.client.ApiClient;
import fi.palaute.common.client.ApiResponse;
import fi.palaute.common.client.CallPurpose;
import fi.palaute.common.client.CallResult;
import fi.palaute.common.client.CreditCost;
import fi.palaute.common.client.VendorJson;
import fi.palaute.common.job.PermanentFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Freshdesk API v2, one method per endpoint, answers bound to records ({@link VendorJson}), URLs built
 * from path segments. Writes and the look-ups that may find nothing answer a {@link CallResult}; the other
 * reads throw its retryable or rejected form. Lists follow the {@code Link: <…>; rel="next"} header
 * through every page, on the configured host only.
 */
public final class FreshdeskClient {
    /** Freshdesk's largest page; fewer pages, fewer calls against the rate limit. */
    static final int PER_PAGE = 100;
    /** A ticket with more than 50 000 conversations is a loop, not a ticket. */
    private static final int MAX_PAGES = 500;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);

    private final ApiClient api;
    private final RateLimitFeedback feedback;

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

    /** {@code /api/v2/<segments…>}, each segment encoded on its own. */
    private HttpUrl.Builder v2(String... segments) {
        HttpUrl.Builder url = api.url("api", "v2");
        for (String segment : segments) url.addPathSegment(segment);
        return url;
    }

    private HttpUrl ticketUrl(String ticketId, String include) {
        HttpUrl.Builder url = v2("tickets", ticketId);
        if (include != null) url.addQueryParameter("include", include);
        return url.build();
    }

    /**
     * {@code GET /api/v2/tickets/{id}?include=requester,stats,conversations}: everything a survey needs
     * from the ticket in one call (4 credits), the first {@value #EMBEDDED_CONVERSATIONS} conversations among it.
     */
    public Ticket ticketWithConversations(String ticketId) {
        return get(ticketUrl(ticketId, "requester,stats,conversations")).as(Ticket.class, "freshdesk ticket " + ticketId);
    }

    /** {@code GET /api/v2/tickets/{id}}: the ticket alone (status, tags, fields), 1 credit. */
    public Ticket ticket(String ticketId) {
        return get(ticketUrl(ticketId, null)).as(Ticket.class, "freshdesk ticket " + ticketId);
    }

    /** {@code GET /api/v2/tickets/{id}?include=conversations}: the tags and the first conversations, 2 credits. */
    public Ticket ticketWithFirstConversations(String ticketId) {
        return get(ticketUrl(ticketId, "conversations")).as(Ticket.class, "freshdesk ticket " + ticketId);
    }

    /** {@code GET /api/v2/contacts/{id}}; a deleted or merged contact is {@link CallResult.NotFound}. */
    public CallResult<Contact> contact(long contactId) {
        return read(v2("contacts", Long.toString(contactId)).build(), Contact.class, "freshdesk contact " + contactId);
    }

    /** {@code GET /api/v2/agents}, all pages: the account's agents, for the agent directory. */
    public List<Agent> agents() {
        return list(v2("agents").addQueryParameter("per_page", Integer.toString(PER_PAGE)).build(), Agent.class);
    }

    /** {@code GET /api/v2/agents/{id}}: the agent, for the name digests and alerts show. */
    public CallResult<Agent> agent(long agentId) {
        return read(v2("agents", Long.toString(agentId)).build(), Agent.class, "freshdesk agent " + agentId);
    }

    /** {@code GET /api/v2/groups/{id}}. */
    public CallResult<Group> group(long groupId) {
        return read(v2("groups", Long.toString(groupId)).build(), Group.class, "freshdesk group " + groupId);
    }

    /** {@code GET /api/v2/agents/me}: the agent whose API key this is. */
    public Agent me() {
        return get(v2("agents", "me").build()).as(Agent.class, "freshdesk agents/me");
    }

    /** {@code GET /api/v2/tickets/{id}/conversations}, all pages, oldest first. */
    public List<Conversation> conversations(String ticketId) {
        return list(v2("tickets", ticketId, "conversations").addQueryParameter("per_page", Integer.toString(PER_PAGE))
                .build(), Conversation.class);
    }

    /** {@code GET /api/v2/tickets/{id}/time_entries}, all pages. */
    public List<TimeEntry> timeEntries(String ticketId) {
        return list(v2("tickets", ticketId, "time_entries").addQueryParameter("per_page", Integer.toString(PER_PAGE))
                .build(), TimeEntry.class);
    }

    /** {@code POST /api/v2/tickets/{id}/reply}: a public reply, mailed to the requester. */
    public CallResult<Conversation> reply(String ticketId, Reply reply) {
        return write("POST", v2("tickets", ticketId, "reply").build(), reply, Conversation.class,
                "freshdesk reply on ticket " + ticketId);
    }

    /** {@code POST /api/v2/tickets/{id}/notes}. */
    public CallResult<Conversation> note(String ticketId, Note note) {
        return write("POST", v2("tickets", ticketId, "notes").build(), note, Conversation.class,
                "freshdesk note on ticket " + ticketId);
    }

    /** {@code PUT /api/v2/tickets/{id}}. */
    public CallResult<Ticket> updateTicket(String ticketId, TicketUpdate update) {
        return write("PUT", v2("tickets", ticketId).build(), update, Ticket.class, "freshdesk ticket " + ticketId);
    }

    private ApiResponse get(HttpUrl url) {
        return observe(api.get(url));
    }

    private <T> CallResult<T> read(HttpUrl url, Class<T> type, String what) {
        return api.exchange("GET", url, null).map(r -> observe(r).as(type, what));
    }

    private <T> CallResult<T> write(String method, HttpUrl url, Object body, Class<T> type, String what) {
        return api.exchange(method, url, VendorJson.write(body)).map(r -> observe(r).as(type, what));
    }

    private ApiResponse observe(ApiResponse response) {
        feedback.observe(response.headers());
        return response;
    }

    private <T> List<T> list(HttpUrl firstPage, Class<T> type) {
        List<T> all = new ArrayList<>();
        HttpUrl next = firstPage;
        String what = "freshdesk list " + firstPage.encodedPath();
        for (int page = 1; next != null; page++) {
            if (page > MAX_PAGES) throw new PermanentFailureException(what + " has over " + MAX_PAGES + " pages");
            ApiResponse response = get(next);
            if (!response.body().isArray()) {
                throw new PermanentFailureException("Freshdesk answered " + firstPage.encodedPath() + " with something other than a list");
            }
            for (JsonNode item : response.body()) all.add(VendorJson.read(item, type, what));
            next = nextPage(response.header("Link")).map(api::link).orElse(null);
        }
        return all;
    }

    static Optional<String> nextPage(Optional<String> link) {
        if (link.isEmpty()) return Optional.empty();
        Matcher m = NEXT.matcher(link.get());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
