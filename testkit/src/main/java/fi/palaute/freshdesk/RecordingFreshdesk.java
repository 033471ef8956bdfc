package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fi.palaute.common.fake.StatefulTransformer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Freshdesk (API v2) that remembers, for crash and storm tests with many tickets: every ticket id
 * exists, resolved at {@link #RESOLVED}, with a requester of its own (so no cooldown hides a lost survey).
 * A reply ({@code POST /tickets/{id}/reply}) or a note ({@code POST /tickets/{id}/notes}) is kept and
 * listed from then on by {@code GET /tickets/{id}/conversations} and, the first ten oldest first, by
 * {@code GET /tickets/{id}?include=conversations}, as Freshdesk does; {@code PUT /tickets/{id}} replaces
 * the tag list and merges custom fields. That makes the connector's "is my reply (note) already there?"
 * checks after an interrupted call meet a real answer. A write counts as done when the fake has read it,
 * before it answers: a delayed, stalled or lost answer then models "Freshdesk took it, the connector never
 * heard". Tests add faults as stubs of higher priority (1) over these defaults (priority 5).
 */
public final class RecordingFreshdesk implements AutoCloseable {
    public static final String RESOLVED = "2026-03-01T10:00:00Z";
    public static final String TRANSFORMER = "recording-freshdesk";
    private static final Pattern TICKET_PATH = Pattern.compile("/api/v2/tickets/([0-9]+)(/[a-z_]+)?");
    private static final Pattern CONTACT_PATH = Pattern.compile("/api/v2/contacts/([0-9]+)");

    /** A reply or note as List All Conversations shows it. */
    public record Conversation(long id, boolean isPrivate, String body, Instant createdAt) {}

    /** What one ticket holds now. */
    private static final class TicketState {
        final List<Conversation> conversations = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        final Map<String, Object> customFields = new LinkedHashMap<>();
        int status = 4;
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, TicketState> tickets = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(70_000_000L);
    private final WireMockServer server;

    public RecordingFreshdesk() {
        StatefulTransformer memory = new StatefulTransformer(TRANSFORMER, this::respond,
                () -> aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"description\": \"Validation failed\", \"errors\": []}").build());
        server = new WireMockServer(options().dynamicPort().containerThreads(64).extensions(memory));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"description\":\"not faked\"}")));
        ResponseDefinitionBuilder stateful = aResponse().withTransformers(TRANSFORMER);
        server.stubFor(get(urlPathMatching("/api/v2/tickets/[0-9]+(/conversations|/time_entries)?")).atPriority(5)
                .willReturn(stateful));
        server.stubFor(post(urlPathMatching("/api/v2/tickets/[0-9]+/(reply|notes)")).atPriority(5).willReturn(stateful));
        server.stubFor(put(urlPathMatching("/api/v2/tickets/[0-9]+")).atPriority(5).willReturn(stateful));
        server.stubFor(get(urlPathMatching("/api/v2/contacts/[0-9]+")).atPriority(5).willReturn(stateful));
        server.stubFor(get(urlPathEqualTo("/api/v2/agents")).atPriority(5)
                .willReturn(okJson("[" + FreshdeskFake.agentJson() + "]")));
        server.stubFor(get(urlPathEqualTo("/api/v2/agents/" + FreshdeskFake.AGENT)).atPriority(5)
                .willReturn(okJson(FreshdeskFake.agentJson())));
        server.stubFor(get(urlPathEqualTo("/api/v2/groups/3001")).atPriority(5).willReturn(okJson(
                "{\"id\": 3001, \"name\": \"Billing\", \"description\": \"Invoices and refunds\", \"agent_ids\": ["
                        + FreshdeskFake.AGENT + "]}")));
    }

    public String url() {
        return server.baseUrl();
    }

    /** The WireMock server, for tests that add faults over the defaults. */
    public WireMockServer server() {
        return server;
    }

    /** The requester of each ticket is a different customer. */
    public static long requesterOf(long ticketId) {
        return 1_000_000L + ticketId;
    }

    private TicketState state(long ticketId) {
        return tickets.computeIfAbsent(ticketId, k -> new TicketState());
    }

    /** Public replies Freshdesk took, per ticket (tickets with none are absent). */
    public Map<Long, Integer> publicReplies() {
        Map<Long, Integer> out = new TreeMap<>();
        tickets.forEach((id, t) -> {
            int n;
            synchronized (t) {
                n = (int) t.conversations.stream().filter(c -> !c.isPrivate()).count();
            }
            if (n > 0) out.put(id, n);
        });
        return out;
    }

    public List<Conversation> conversations(long ticketId) {
        TicketState t = tickets.get(ticketId);
        if (t == null) return List.of();
        synchronized (t) {
            return List.copyOf(t.conversations);
        }
    }

    /** Private notes on the ticket whose body contains the text. */
    public int notesWith(long ticketId, String text) {
        return (int) conversations(ticketId).stream().filter(c -> c.isPrivate() && c.body().contains(text)).count();
    }

    public List<String> tags(long ticketId) {
        TicketState t = tickets.get(ticketId);
        if (t == null) return List.of();
        synchronized (t) {
            return List.copyOf(t.tags);
        }
    }

    public Object customField(long ticketId, String name) {
        TicketState t = tickets.get(ticketId);
        if (t == null) return null;
        synchronized (t) {
            return t.customFields.get(name);
        }
    }

    /** The ticket updates (PUT) and notes (POST …/notes) the fake received: the write-back calls. */
    public int writes() {
        return (int) server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals("PUT") || r.getUrl().contains("/notes")).count();
    }

    /** The calls the fake received, in total. */
    public int calls() {
        return server.getAllServeEvents().size();
    }

    private String answer(Request request, long ticketId, String sub) throws IOException {
        String method = request.getMethod().getName();
        TicketState t = state(ticketId);
        synchronized (t) {
            if (method.equals("GET") && sub == null) {
                String include = request.queryParameter("include").isPresent()
                        ? String.join(",", request.queryParameter("include").values()) : "";
                return ticketJson(ticketId, t, include.contains("conversations")).toString();
            }
            if (method.equals("GET") && sub.equals("/conversations")) {
                ArrayNode list = json.createArrayNode();
                for (Conversation c : t.conversations) list.add(conversationJson(ticketId, c));
                return list.toString();
            }
            if (method.equals("GET") && sub.equals("/time_entries")) return "[]";
            if (method.equals("POST")) {
                JsonNode body = json.readTree(request.getBodyAsString());
                boolean note = sub.equals("/notes");
                Conversation c = new Conversation(ids.incrementAndGet(), note && body.path("private").asBoolean(true),
                        body.path("body").asText(""), Instant.now());
                t.conversations.add(c);
                return conversationJson(ticketId, c).toString();
            }
            if (method.equals("PUT") && sub == null) {
                JsonNode body = json.readTree(request.getBodyAsString());
                if (body.has("tags")) {
                    List<String> tags = new ArrayList<>();
                    body.path("tags").forEach(tag -> tags.add(tag.asText()));
                    t.tags = tags;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = body.path("custom_fields").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    t.customFields.put(f.getKey(), f.getValue().isNumber() ? f.getValue().numberValue() : f.getValue().asText());
                }
                if (body.has("status")) t.status = body.path("status").asInt();
                return ticketJson(ticketId, t, false).toString();
            }
        }
        throw new IllegalArgumentException("not faked: " + method + " " + request.getUrl());
    }

    /** View a Ticket with the requester and stats (and, when asked, the first ten conversations) embedded. */
    private ObjectNode ticketJson(long ticketId, TicketState state, boolean withConversations) {
        ObjectNode t = FreshdeskFake.ticketNode(json, ticketId, state.status, RESOLVED, null, state.tags.toArray(String[]::new));
        long requester = requesterOf(ticketId);
        t.put("requester_id", requester);
        ((ObjectNode) t.get("requester")).put("id", requester).put("email", "customer-" + ticketId + "@example.com");
        t.put("created_at", "2026-03-01T08:00:00Z");
        ObjectNode fields = t.putObject("custom_fields");
        state.customFields.forEach((k, v) -> fields.putPOJO(k, v));
        if (withConversations) {
            ArrayNode list = t.putArray("conversations");
            state.conversations.stream().limit(10).forEach(c -> list.add(conversationJson(ticketId, c)));
        }
        return t;
    }

    private ObjectNode conversationJson(long ticketId, Conversation c) {
        return FreshdeskFake.conversationNode(json, c.id(), false, c.isPrivate(), FreshdeskFake.AGENT,
                        c.isPrivate() ? 2 : 0, c.createdAt().toString(), c.body())
                .put("ticket_id", ticketId);
    }

    private String contactJson(long contactId) {
        ObjectNode c = json.createObjectNode();
        c.put("id", contactId).put("name", "Maija Meikäläinen").put("email", "customer-" + (contactId - 1_000_000L) + "@example.com")
                .put("active", true).put("language", "en").put("time_zone", "Helsinki").put("created_at", "2025-01-01T00:00:00Z");
        return c.toString();
    }

    private ResponseDefinition respond(ServeEvent event) throws IOException {
        Request request = event.getRequest();
        String path = StatefulTransformer.path(event);
        Matcher contact = CONTACT_PATH.matcher(path);
        Matcher ticket = TICKET_PATH.matcher(path);
        if (contact.matches()) return StatefulTransformer.json(event, 200, contactJson(Long.parseLong(contact.group(1))));
        if (!ticket.matches()) throw new IllegalArgumentException("not faked: " + request.getUrl());
        String body = answer(request, Long.parseLong(ticket.group(1)), ticket.group(2));
        return StatefulTransformer.json(event, request.getMethod().getName().equals("POST") ? 201 : 200, body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
