package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * Freshdesk API v2 on WireMock, answering with the shapes of Freshdesk's documented examples
 * (View a Ticket with include=requester,stats and with include=conversations embedding the first ten
 * conversations oldest first, View a Contact, List Agents, List Conversations, List Time Entries, Reply,
 * Create Note, Update Ticket).
 */
public final class FreshdeskFake implements AutoCloseable {
    public static final long REQUESTER = 1001;
    public static final long AGENT = 2001;
    public static final String API_KEY = "test-api-key-123";
    final WireMockServer server;
    final ObjectMapper json = new ObjectMapper();
    private final java.util.Map<Long, ObjectNode> tickets = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Long, List<ObjectNode>> conversations = new java.util.concurrent.ConcurrentHashMap<>();

    public FreshdeskFake() {
        this(new WireMockServer(WireMockConfiguration.options().dynamicPort()));
    }

    /** On loopback only (127.0.0.1), at {@code port}, or a free one for 0: the demo's stand-in. */
    public FreshdeskFake(int port) {
        this(new WireMockServer(WireMockConfiguration.options().port(port).bindAddress("127.0.0.1")));
    }

    private FreshdeskFake(WireMockServer server) {
        this.server = server;
        server.start();
        // Anything not stubbed is a mistake in the test: answer as Freshdesk does for an unknown path.
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"description\":\"not stubbed\"}")));
        server.stubFor(get(urlPathMatching("/api/v2/agents")).willReturn(okJson("[" + agentJson() + "]")));
        server.stubFor(get(urlPathMatching("/api/v2/tickets/[0-9]+/time_entries")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathMatching("/api/v2/tickets/[0-9]+/conversations")).willReturn(okJson("[]")));
        server.stubFor(post(urlPathMatching("/api/v2/tickets/[0-9]+/reply")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withHeader("X-Ratelimit-Total", "200")
                .withHeader("X-Ratelimit-Remaining", "180")
                .withBody(conversation(9001, false, false, AGENT, 0, "2026-01-05T12:00:00Z", "<div>survey</div>").toString())));
        server.stubFor(post(urlPathMatching("/api/v2/tickets/[0-9]+/notes")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(conversation(9002, false, true, AGENT, 2, "2026-01-05T12:00:00Z", "<p>note</p>").toString())));
        contact(REQUESTER, "en");
        server.stubFor(get(urlPathEqualTo("/api/v2/agents/" + AGENT)).willReturn(okJson(agentJson())));
        server.stubFor(get(urlPathEqualTo("/api/v2/groups/3001")).willReturn(okJson("{\"id\": 3001, \"name\": \"Billing\", "
                + "\"description\": \"Invoices and refunds\", \"unassigned_for\": \"30m\", \"agent_ids\": [" + AGENT + "]}")));
    }

    /** The account's one agent, as View an Agent and List All Agents show it. */
    static String agentJson() {
        return "{\"id\": " + AGENT + ", \"available\": true, \"occasional\": false, \"ticket_scope\": 1, "
                + "\"created_at\": \"2025-01-01T00:00:00Z\", \"contact\": {\"active\": true, "
                + "\"email\": \"pekka@acme.example\", \"name\": \"Pekka Tukinen\", \"language\": \"fi\"}}";
    }

    public String url() {
        return server.baseUrl();
    }

    /** A ticket as GET /api/v2/tickets/{id}?include=requester,stats answers; also answers PUT with it. */
    public ObjectNode ticket(long id, int status, String resolvedAt, String reopenedAt, String... tags) {
        return ticketNode(json, id, status, resolvedAt, reopenedAt, tags);
    }

    /** The ticket view's shape, for fakes that keep tickets of their own. */
    static ObjectNode ticketNode(ObjectMapper json, long id, int status, String resolvedAt, String reopenedAt,
                                 String... tags) {
        ObjectNode t = json.createObjectNode();
        t.put("id", id).put("status", status).put("priority", 1).put("source", 2).put("subject", "Printer on fire")
                .put("requester_id", REQUESTER).put("responder_id", AGENT).put("group_id", 3001)
                .put("type", "Question").put("created_at", "2026-01-05T10:00:00Z").put("updated_at", "2026-01-05T11:00:00Z")
                .put("due_by", "2026-01-08T10:00:00Z").put("fr_escalated", false).put("spam", false).put("is_escalated", false);
        ArrayNode tagList = t.putArray("tags");
        for (String tag : tags) tagList.add(tag);
        t.putObject("custom_fields");
        ObjectNode stats = t.putObject("stats");
        stats.put("agent_responded_at", "2026-01-05T10:30:00Z").put("requester_responded_at", "2026-01-05T10:10:00Z")
                .put("first_responded_at", "2026-01-05T10:30:00Z").put("status_updated_at", resolvedAt)
                .put("resolved_at", resolvedAt).putNull("closed_at").putNull("pending_since");
        if (reopenedAt == null) stats.putNull("reopened_at"); else stats.put("reopened_at", reopenedAt);
        t.putObject("requester").put("id", REQUESTER).put("name", "Maija Meikäläinen").put("email", "maija@example.com")
                .putNull("mobile").putNull("phone");
        return t;
    }

    public void stubTicket(ObjectNode ticket) {
        long id = ticket.get("id").asLong();
        tickets.put(id, ticket);
        server.stubFor(get(urlPathEqualTo("/api/v2/tickets/" + id)).willReturn(okJson(ticket.toString())
                .withHeader("X-Ratelimit-Total", "200").withHeader("X-Ratelimit-Remaining", "190")));
        server.stubFor(put(urlPathEqualTo("/api/v2/tickets/" + id)).willReturn(okJson(ticket.toString())));
        stubEmbeddedConversations(id);
    }

    /** View a Ticket with include=…conversations…: the ticket with its first ten conversations, oldest first. */
    private void stubEmbeddedConversations(long id) {
        ObjectNode ticket = tickets.get(id);
        if (ticket == null) return;
        ObjectNode embedded = ticket.deepCopy();
        ArrayNode list = embedded.putArray("conversations");
        conversations.getOrDefault(id, List.of()).stream()
                .sorted(java.util.Comparator.comparing(c -> c.path("created_at").asText()))
                .limit(10).forEach(list::add);
        server.stubFor(get(urlPathEqualTo("/api/v2/tickets/" + id)).withQueryParam("include", matching(".*conversations.*"))
                .willReturn(okJson(embedded.toString())
                        .withHeader("X-Ratelimit-Total", "200").withHeader("X-Ratelimit-Remaining", "190")));
    }

    public void contact(long id, String language) {
        ObjectNode c = json.createObjectNode();
        c.put("id", id).put("name", "Maija Meikäläinen").put("email", "maija@example.com").put("active", true)
                .put("language", language).put("time_zone", "Helsinki").put("created_at", "2025-01-01T00:00:00Z");
        server.stubFor(get(urlPathEqualTo("/api/v2/contacts/" + id)).willReturn(okJson(c.toString())));
    }

    ObjectNode conversation(long id, boolean incoming, boolean isPrivate, long userId, int source, String createdAt,
                            String body) {
        return conversationNode(json, id, incoming, isPrivate, userId, source, createdAt, body);
    }

    /** A conversation's shape (List All Conversations, Reply, Create Note), for fakes that keep their own. */
    static ObjectNode conversationNode(ObjectMapper json, long id, boolean incoming, boolean isPrivate, long userId,
                                       int source, String createdAt, String body) {
        ObjectNode c = json.createObjectNode();
        c.put("body", body).put("body_text", body.replaceAll("<[^>]+>", "")).put("id", id).put("incoming", incoming)
                .put("private", isPrivate).put("user_id", userId).putNull("support_email").put("source", source)
                .put("ticket_id", 1).put("created_at", createdAt).put("updated_at", createdAt);
        c.putArray("to_emails");
        c.putArray("attachments");
        return c;
    }

    void stubConversations(long ticketId, ObjectNode... conversations) {
        ArrayNode list = json.createArrayNode();
        for (ObjectNode c : conversations) list.add(c);
        this.conversations.put(ticketId, List.of(conversations));
        server.stubFor(get(urlPathEqualTo("/api/v2/tickets/" + ticketId + "/conversations"))
                .willReturn(okJson(list.toString())));
        stubEmbeddedConversations(ticketId);
    }

    ObjectNode timeEntry(long id, String timeSpent) {
        ObjectNode e = json.createObjectNode();
        e.put("billable", true).put("note", "worked on it").put("timer_running", false).put("agent_id", AGENT)
                .put("ticket_id", 1).put("id", id).put("time_spent", timeSpent)
                .put("executed_at", "2026-01-05T10:20:00Z").put("start_time", "2026-01-05T10:20:00Z")
                .put("created_at", "2026-01-05T10:20:00Z").put("updated_at", "2026-01-05T10:20:00Z");
        return e;
    }

    public List<LoggedRequest> requests(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        return server.findAll(pattern);
    }

    @Override
    public void close() {
        server.stop();
    }
}
