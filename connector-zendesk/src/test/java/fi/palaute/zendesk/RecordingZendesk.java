package fi.palaute.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Zendesk that remembers: every ticket id exists (solved, its own requester, so no cooldown
 * applies), and a comment PUT on a ticket is kept and listed by {@code GET /api/v2/tickets/{id}/comments}
 * from then on, as Zendesk does. That makes the connector's "is my reply already there?" check after an
 * interrupted send meet a real answer. A comment counts as accepted when the fake has read it, before it
 * answers: a delayed, stalled or lost answer then models "Zendesk took the reply, the connector never
 * heard". Write-backs ({@code PUT /api/v2/tickets/update_many?ids={id}}) are applied at once: the note joins
 * the comments, {@code additional_tags} and {@code remove_tags} change the ticket's tags, custom fields are
 * set. Tests add faults as stubs of higher priority (1) over these defaults (priority 5).
 */
final class RecordingZendesk implements AutoCloseable {
    static final Instant SOLVED = Instant.parse("2026-03-01T10:00:00Z");
    static final String TRANSFORMER = "recording-zendesk";
    private static final Pattern TICKET_PATH = Pattern.compile("/api/v2/tickets/([0-9]+)(/[a-z_]+)?");

    /** A comment as Zendesk lists it. */
    record Comment(long id, boolean isPublic, String htmlBody, String body, Instant createdAt) {}

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, List<Comment>> comments = new ConcurrentHashMap<>();
    private final Map<Long, java.util.Set<String>> tags = new ConcurrentHashMap<>();
    private final Map<Long, Map<Long, String>> fields = new ConcurrentHashMap<>();
    private final AtomicLong commentIds = new AtomicLong(50_000_000L);
    final WireMockServer server;

    RecordingZendesk() {
        StatefulTransformer memory = new StatefulTransformer(TRANSFORMER, this::respond,
                () -> aResponse().withStatus(400).withBody("{\"error\": \"InvalidJSON\"}").build());
        server = new WireMockServer(options().dynamicPort().containerThreads(64).extensions(memory));
        server.start();
        ResponseDefinitionBuilder stateful = aResponse().withTransformers(TRANSFORMER);
        server.stubFor(get(urlPathMatching("/api/v2/tickets/[0-9]+")).atPriority(5).willReturn(stateful));
        server.stubFor(get(urlPathMatching("/api/v2/tickets/[0-9]+/metrics")).atPriority(5).willReturn(stateful));
        server.stubFor(get(urlPathMatching("/api/v2/tickets/[0-9]+/comments")).atPriority(5).willReturn(stateful));
        server.stubFor(put(urlPathMatching("/api/v2/tickets/[0-9]+")).atPriority(5).willReturn(stateful));
        server.stubFor(put(urlPathMatching("/api/v2/tickets/update_many")).atPriority(5).willReturn(stateful));
        server.stubFor(put(urlPathMatching("/api/v2/tickets/[0-9]+/tags")).atPriority(5)
                .willReturn(okJson("{\"tags\": [\"billing\"]}")));
    }

    String url() {
        return server.baseUrl();
    }

    /** Public replies Zendesk accepted, per ticket (tickets with none are absent). */
    Map<Long, Integer> publicReplies() {
        Map<Long, Integer> out = new TreeMap<>();
        comments.forEach((ticket, list) -> {
            int n;
            synchronized (list) {
                n = (int) list.stream().filter(Comment::isPublic).count();
            }
            if (n > 0) out.put(ticket, n);
        });
        return out;
    }

    /** The ticket's comments in the order Zendesk took them. */
    List<Comment> comments(long ticketId) {
        List<Comment> list = comments.getOrDefault(ticketId, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** The ticket's tags as write-backs left them. */
    List<String> tags(long ticketId) {
        java.util.Set<String> set = tags.getOrDefault(ticketId, java.util.Set.of());
        synchronized (set) {
            return List.copyOf(set);
        }
    }

    /** A custom field's value as write-backs left it, or null. */
    String field(long ticketId, long fieldId) {
        return fields.getOrDefault(ticketId, Map.of()).get(fieldId);
    }

    /** Update Many calls received (write-backs), whatever their outcome. */
    int bulkUpdates() {
        return (int) server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/v2/tickets/update_many")).count();
    }

    int publicReplies(long ticketId) {
        return publicReplies().getOrDefault(ticketId, 0);
    }

    /** The requester of each ticket is a different customer: the cooldown must not hide a lost survey. */
    static long requesterOf(long ticketId) {
        return 1_000_000L + ticketId;
    }

    private String answer(Request request, long ticketId, String sub) throws IOException {
        String method = request.getMethod().getName();
        if (method.equals("GET") && sub == null) {
            return FakeZendesk.ticketJson(FakeZendesk.Ticket.solved(ticketId).requester(requesterOf(ticketId)));
        }
        if (method.equals("GET") && sub.equals("/metrics")) {
            return FakeZendesk.metricsJson(ticketId, 1, 0, SOLVED, 30);
        }
        if (method.equals("GET") && sub.equals("/comments")) return commentsJson(ticketId);
        if (method.equals("PUT") && sub == null) {
            JsonNode comment = json.readTree(request.getBodyAsString()).path("ticket").path("comment");
            if (!comment.isMissingNode()) {
                List<Comment> list = comments.computeIfAbsent(ticketId, k -> new ArrayList<>());
                synchronized (list) {
                    list.add(new Comment(commentIds.incrementAndGet(), comment.path("public").asBoolean(true),
                            comment.path("html_body").asText(null), comment.path("body").asText(null), Instant.now()));
                }
            }
            return "{\"ticket\": {\"id\": " + ticketId + ", \"status\": \"solved\"}, \"audit\": {\"id\": "
                    + commentIds.incrementAndGet() + ", \"ticket_id\": " + ticketId + ", \"events\": []}}";
        }
        throw new IllegalArgumentException("not faked: " + method + " " + request.getUrl());
    }

    /** Update Many Tickets for one ticket, applied at once; answers the job status Zendesk queues. */
    private String bulkUpdate(Request request) throws IOException {
        long ticketId = Long.parseLong(request.queryParameter("ids").firstValue());
        JsonNode ticket = json.readTree(request.getBodyAsString()).path("ticket");
        JsonNode comment = ticket.path("comment");
        if (!comment.isMissingNode()) {
            List<Comment> list = comments.computeIfAbsent(ticketId, k -> new ArrayList<>());
            synchronized (list) {
                list.add(new Comment(commentIds.incrementAndGet(), comment.path("public").asBoolean(true),
                        comment.path("html_body").asText(null), comment.path("body").asText(null), Instant.now()));
            }
        }
        java.util.Set<String> set = tags.computeIfAbsent(ticketId, k -> new java.util.LinkedHashSet<>());
        synchronized (set) {
            ticket.path("remove_tags").forEach(t -> set.remove(t.asText()));
            ticket.path("additional_tags").forEach(t -> set.add(t.asText()));
        }
        Map<Long, String> values = fields.computeIfAbsent(ticketId, k -> new ConcurrentHashMap<>());
        ticket.path("custom_fields").forEach(f -> values.put(f.path("id").asLong(), f.path("value").asText()));
        String job = Long.toHexString(commentIds.incrementAndGet());
        return "{\"job_status\": {\"id\": \"" + job + "\", \"url\": \"https://acme.zendesk.com/api/v2/job_statuses/"
                + job + ".json\", \"total\": 1, \"progress\": 0, \"status\": \"queued\", \"message\": null, "
                + "\"results\": []}}";
    }

    /** Zendesk's List Comments, newest first (the connector asks sort_order=desc), one page. */
    private String commentsJson(long ticketId) {
        List<Comment> list = new ArrayList<>(comments.getOrDefault(ticketId, List.of()));
        ArrayNode out = json.createArrayNode();
        for (int i = list.size() - 1; i >= 0; i--) {
            Comment c = list.get(i);
            ObjectNode n = out.addObject();
            n.put("id", c.id()).put("type", "Comment").put("author_id", FakeZendesk.AGENT).put("public", c.isPublic())
                    .put("created_at", c.createdAt().toString());
            String text = c.htmlBody() != null ? c.htmlBody().replaceAll("<[^>]+>", "") : c.body();
            n.put("body", text).put("plain_body", text);
            n.put("html_body", c.htmlBody() != null ? c.htmlBody() : "<p>" + c.body() + "</p>");
            n.putArray("attachments");
        }
        // The customer's first message, always there.
        ObjectNode first = out.addObject();
        first.put("id", ticketId * 10).put("type", "Comment").put("author_id", requesterOf(ticketId)).put("public", true)
                .put("body", "My invoice is wrong").put("html_body", "<p>My invoice is wrong</p>")
                .put("plain_body", "My invoice is wrong").put("created_at", "2026-03-01T08:00:00Z");
        first.putArray("attachments");
        ObjectNode page = json.createObjectNode();
        page.set("comments", out);
        page.putNull("next_page").putNull("previous_page").put("count", out.size());
        return page.toString();
    }

    private ResponseDefinition respond(ServeEvent event) throws IOException {
        Request request = event.getRequest();
        String path = StatefulTransformer.path(event);
        Matcher m = TICKET_PATH.matcher(path);
        boolean bulk = path.equals("/api/v2/tickets/update_many");
        if (!bulk && !m.matches()) throw new IllegalArgumentException("not a ticket path: " + request.getUrl());
        return StatefulTransformer.json(event, 200, bulk ? bulkUpdate(request) : answer(request, Long.parseLong(m.group(1)), m.group(2)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
