package fi.palaute.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Freshdesk API v2 stand-in answering what a survey and a write-back ask, in the shapes of Freshdesk's
 * documented examples: View a Ticket (requester, stats and up to ten conversations when included), View a
 * Contact, List All Agents, View a Group, List Time Entries, Reply, Create a Note, Update a Ticket. Each
 * ticket has its own requester and two conversations (the question and one agent reply); every other
 * requester's contact is in Finnish. It counts calls by kind and keeps each ticket's last survey.
 */
final class StandInFreshdesk implements AutoCloseable {
    private final JsonStandIn server;
    private final ObjectMapper json = new ObjectMapper();
    final Map<String, AtomicLong> callsByKind = new ConcurrentHashMap<>();
    final Map<Long, String> lastSurvey = new ConcurrentHashMap<>();

    StandInFreshdesk() throws IOException {
        server = JsonStandIn.start("stand-in-freshdesk", this::handle);
    }

    String url() {
        return server.url();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String method = ex.getRequestMethod();
            String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
            String[] p = ex.getRequestURI().getPath().split("/");
            // /api/v2/{tickets|contacts|agents|groups}[/{id}[/{what}]]
            String resource = p.length > 3 ? p[3] : "";
            String what = p.length > 5 ? p[5] : p.length > 4 ? "one" : "list";
            callsByKind.computeIfAbsent(method + " " + resource + " " + what, k -> new AtomicLong()).incrementAndGet();
            long id = p.length > 4 && p[4].matches("[0-9]+") ? Long.parseLong(p[4]) : 0;
            switch (method + " " + resource + " " + what) {
                case "GET tickets one" -> send(ex, 200, ticket(id, query).toString());
                case "PUT tickets one" -> send(ex, 200, ticket(id, "").toString());
                case "GET tickets conversations" -> send(ex, 200, json.createArrayNode().add(question(id)).add(agentReply(id)).toString());
                case "GET tickets time_entries" -> send(ex, 200, """
                        [{"billable": true, "note": "", "timer_running": false, "agent_id": 2001, "ticket_id": %d, "id": %d,
                          "time_spent": "00:15", "executed_at": "2026-01-05T10:20:00Z", "start_time": "2026-01-05T10:20:00Z",
                          "created_at": "2026-01-05T10:20:00Z", "updated_at": "2026-01-05T10:20:00Z"}]""".formatted(id, id));
                case "POST tickets reply" -> {
                    lastSurvey.put(id, json.readTree(body).path("body").asText(""));
                    send(ex, 201, conversation(9_000_000 + id, id, false, false, 2001, "2026-01-05T12:00:00Z", "survey").toString());
                }
                case "POST tickets notes" -> send(ex, 201,
                        conversation(8_000_000 + id, id, false, true, 2001, "2026-01-05T12:05:00Z", "note").toString());
                case "GET contacts one" -> send(ex, 200, """
                        {"id": %d, "name": "Customer %d", "email": "c%d@example.test", "active": true, "language": "%s",
                         "time_zone": "Helsinki", "created_at": "2025-01-01T00:00:00Z"}""".formatted(id, id, id, id % 2 == 0 ? "fi" : "en"));
                case "GET agents list" -> send(ex, 200, "[" + agent() + "]");
                case "GET agents one" -> send(ex, 200, agent());
                case "GET groups one" -> send(ex, 200, "{\"id\": " + id + ", \"name\": \"Billing\", \"description\": \"\", "
                        + "\"unassigned_for\": \"30m\", \"agent_ids\": [2001]}");
                default -> send(ex, 404, "{\"description\": \"not found\", \"errors\": []}");
            }
        } catch (RuntimeException e) {
            send(ex, 500, "{\"description\": \"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static String agent() {
        return "{\"id\": 2001, \"available\": true, \"occasional\": false, \"ticket_scope\": 1, "
                + "\"created_at\": \"2025-01-01T00:00:00Z\", \"contact\": {\"active\": true, \"email\": \"pekka@acme.test\", "
                + "\"name\": \"Pekka Tukinen\", \"language\": \"fi\"}}";
    }

    /** The requester of ticket {@code id}: a customer of their own, so the cooldown suppresses nothing. */
    private static long requester(long ticketId) {
        return 50_000_000L + ticketId;
    }

    private JsonNode ticket(long id, String query) {
        var t = json.createObjectNode();
        t.put("id", id).put("status", 4).put("priority", 1).put("source", 1).put("subject", "Invoice")
                .put("requester_id", requester(id)).put("responder_id", 2001).put("group_id", 3001)
                .put("created_at", "2026-01-05T10:00:00Z").put("updated_at", "2026-01-05T11:00:00Z");
        t.putArray("tags").add("billing");
        t.putObject("custom_fields");
        if (query.contains("stats")) {
            t.putObject("stats").put("agent_responded_at", "2026-01-05T10:30:00Z")
                    .put("requester_responded_at", "2026-01-05T10:05:00Z").put("first_responded_at", "2026-01-05T10:30:00Z")
                    .put("status_updated_at", "2026-01-05T11:00:00Z").put("resolved_at", "2026-01-05T11:00:00Z")
                    .putNull("closed_at").putNull("reopened_at").putNull("pending_since");
        }
        if (query.contains("requester")) {
            t.putObject("requester").put("id", requester(id)).put("name", "Customer " + id)
                    .put("email", "c" + id + "@example.test").putNull("mobile").putNull("phone");
        }
        if (query.contains("conversations")) t.putArray("conversations").add(question(id)).add(agentReply(id));
        return t;
    }

    private JsonNode question(long ticketId) {
        return conversation(ticketId * 10, ticketId, true, false, requester(ticketId), "2026-01-05T10:05:00Z", "Help");
    }

    private JsonNode agentReply(long ticketId) {
        return conversation(ticketId * 10 + 1, ticketId, false, false, 2001, "2026-01-05T10:30:00Z", "Fixed");
    }

    private JsonNode conversation(long id, long ticketId, boolean incoming, boolean isPrivate, long userId, String at,
                                  String text) {
        var c = json.createObjectNode();
        c.put("body", "<div>" + text + "</div>").put("body_text", text).put("id", id).put("incoming", incoming)
                .put("private", isPrivate).put("user_id", userId).put("source", isPrivate ? 2 : 0)
                .put("ticket_id", ticketId).put("created_at", at).put("updated_at", at);
        c.putArray("to_emails");
        c.putArray("attachments");
        return c;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        JsonStandIn.send(ex, status, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
