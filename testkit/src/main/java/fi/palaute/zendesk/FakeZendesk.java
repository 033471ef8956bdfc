package fi.palaute.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.List;

/**
 * Zendesk's Support API as WireMock stubs, with request and response bodies shaped like the examples in
 * Zendesk's API reference (tickets with side-loaded users and groups, ticket metrics, comments,
 * update ticket, update many tickets for one ticket).
 */
public final class FakeZendesk implements AutoCloseable {
    public static final long REQUESTER = 9001;
    public static final long AGENT = 7001;
    public static final long GROUP = 360001;
    public static final long HANDLE_TIME_FIELD = 360000111L;
    public static final long SCORE_FIELD = 360000222L;

    final WireMockServer server;
    private final ObjectMapper json = new ObjectMapper();

    public FakeZendesk() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    /** On loopback only (127.0.0.1), at {@code port}, or a free one for 0: the demo's stand-in. */
    public FakeZendesk(int port) {
        server = new WireMockServer(options().port(port).bindAddress("127.0.0.1"));
        server.start();
    }

    public String url() {
        return server.baseUrl();
    }

    /** What a test may vary about a ticket; {@code channel} is its {@code via.channel}. */
    public record Ticket(long id, String status, long requesterId, String locale, String role, List<String> tags,
                  String handleTime, String channel) {
        public Ticket(long id, String status, long requesterId, String locale, String role, List<String> tags,
                      String handleTime) {
            this(id, status, requesterId, locale, role, tags, handleTime, "email");
        }

        public static Ticket solved(long id) {
            return new Ticket(id, "solved", REQUESTER, "en-US", "end-user", List.of("billing"), null);
        }

        Ticket status(String s) { return new Ticket(id, s, requesterId, locale, role, tags, handleTime, channel); }

        public Ticket locale(String l) { return new Ticket(id, status, requesterId, l, role, tags, handleTime, channel); }

        Ticket tags(List<String> t) { return new Ticket(id, status, requesterId, locale, role, t, handleTime, channel); }

        public Ticket requester(long r) { return new Ticket(id, status, r, locale, role, tags, handleTime, channel); }

        public Ticket handleTime(String h) { return new Ticket(id, status, requesterId, locale, role, tags, h, channel); }

        public Ticket channel(String c) { return new Ticket(id, status, requesterId, locale, role, tags, handleTime, c); }
    }

    static String ticketJson(Ticket t) {
        String handle = t.handleTime() == null ? "null" : "\"" + t.handleTime() + "\"";
        String tags = String.join(", ", t.tags().stream().map(s -> "\"" + s + "\"").toList());
        return """
                {"ticket": {"id": %d, "url": "https://acme.zendesk.com/api/v2/tickets/%d.json", "external_id": null,
                  "via": {"channel": "%s", "source": {"from": {}, "to": {}, "rel": null}},
                  "created_at": "2026-03-01T08:00:00Z", "updated_at": "2026-03-01T10:00:00Z", "type": "question",
                  "subject": "Invoice is wrong", "raw_subject": "Invoice is wrong", "description": "My invoice is wrong",
                  "priority": "normal", "status": "%s", "recipient": "support@acme.test", "requester_id": %d,
                  "submitter_id": %d, "assignee_id": %d, "organization_id": null, "group_id": %d,
                  "collaborator_ids": [], "follower_ids": [], "email_cc_ids": [], "has_incidents": false,
                  "is_public": true, "due_at": null, "tags": [%s],
                  "custom_fields": [{"id": %d, "value": %s}, {"id": %d, "value": null}],
                  "satisfaction_rating": null, "brand_id": 360000001, "allow_channelback": false,
                  "allow_attachments": true},
                 "users": [
                  {"id": %d, "url": "https://acme.zendesk.com/api/v2/users/%d.json", "name": "Maija Meikäläinen",
                   "email": "maija@example.fi", "locale": "%s", "locale_id": 1, "role": "%s", "verified": true},
                  {"id": %d, "url": "https://acme.zendesk.com/api/v2/users/%d.json", "name": "Aino Agent",
                   "email": "aino@acme.test", "locale": "en-US", "locale_id": 1, "role": "agent", "verified": true}],
                 "groups": [{"id": %d, "url": "https://acme.zendesk.com/api/v2/groups/%d.json", "name": "Billing",
                   "description": "", "default": false, "deleted": false}]}
                """.formatted(t.id(), t.id(), t.channel(), t.status(), t.requesterId(), t.requesterId(), AGENT, GROUP, tags,
                HANDLE_TIME_FIELD, handle, SCORE_FIELD, t.requesterId(), t.requesterId(), t.locale(), t.role(), AGENT,
                AGENT, GROUP, GROUP);
    }

    static String metricsJson(long ticketId, int replies, int reopens, Instant solvedAt, int resolutionMinutes) {
        String solved = solvedAt == null ? "null" : "\"" + solvedAt + "\"";
        return """
                {"ticket_metric": {"id": 33, "ticket_id": %d, "url": "https://acme.zendesk.com/api/v2/ticket_metrics/33.json",
                  "group_stations": 1, "assignee_stations": 1, "reopens": %d, "replies": %d,
                  "assignee_updated_at": "2026-03-01T09:30:00Z", "requester_updated_at": "2026-03-01T08:00:00Z",
                  "status_updated_at": "2026-03-01T10:00:00Z", "initially_assigned_at": "2026-03-01T08:05:00Z",
                  "assigned_at": "2026-03-01T08:05:00Z", "solved_at": %s, "latest_comment_added_at": "2026-03-01T09:30:00Z",
                  "reply_time_in_minutes": {"calendar": 25, "business": 25},
                  "first_resolution_time_in_minutes": {"calendar": %d, "business": 40},
                  "full_resolution_time_in_minutes": {"calendar": %d, "business": 40},
                  "agent_wait_time_in_minutes": {"calendar": 0, "business": 0},
                  "requester_wait_time_in_minutes": {"calendar": %d, "business": 40},
                  "on_hold_time_in_minutes": {"calendar": 0, "business": 0},
                  "created_at": "2026-03-01T08:00:00Z", "updated_at": "2026-03-01T10:00:00Z"}}
                """.formatted(ticketId, reopens, replies, solved, resolutionMinutes, resolutionMinutes, resolutionMinutes);
    }

    /** GET /api/v2/tickets/{id} (with or without include) and its metrics; updates and tags accepted. */
    public void ticket(Ticket t, int replies, int reopens, Instant solvedAt, int resolutionMinutes) {
        server.stubFor(get(urlPathEqualTo("/api/v2/tickets/" + t.id())).willReturn(okJson(ticketJson(t))));
        metrics(t.id(), replies, reopens, solvedAt, resolutionMinutes);
        acceptUpdates(t.id());
    }

    void metrics(long ticketId, int replies, int reopens, Instant solvedAt, int resolutionMinutes) {
        server.stubFor(get(urlPathEqualTo("/api/v2/tickets/" + ticketId + "/metrics"))
                .willReturn(okJson(metricsJson(ticketId, replies, reopens, solvedAt, resolutionMinutes))));
    }

    void acceptUpdates(long ticketId) {
        server.stubFor(put(urlPathEqualTo("/api/v2/tickets/" + ticketId))
                .willReturn(okJson("{\"ticket\": {\"id\": " + ticketId + ", \"status\": \"solved\"}, "
                        + "\"audit\": {\"id\": 1, \"ticket_id\": " + ticketId + ", \"events\": []}}")));
        // Update Many Tickets answers at once with the job it queued (Zendesk's documented job_status shape).
        server.stubFor(put(urlPathEqualTo("/api/v2/tickets/update_many")).withQueryParam("ids", equalTo(String.valueOf(ticketId)))
                .willReturn(okJson("{\"job_status\": {\"id\": \"8b726e606741012ffc2d782bcb7848fe\", "
                        + "\"url\": \"https://acme.zendesk.com/api/v2/job_statuses/8b726e606741012ffc2d782bcb7848fe.json\", "
                        + "\"total\": 1, \"progress\": 0, \"status\": \"queued\", \"message\": null, \"results\": null}}")));
        server.stubFor(get(urlPathEqualTo("/api/v2/tickets/" + ticketId + "/comments"))
                .willReturn(okJson("{\"comments\": [], \"next_page\": null, \"previous_page\": null, \"count\": 0}")));
    }

    /**
     * The ticket has closed since it was read: Update Ticket answers the 422 Zendesk sends for a closed
     * ticket (a validation error on its status), and Update Many queues a job that will refuse it.
     */
    public void closes(long ticketId) {
        server.stubFor(put(urlPathEqualTo("/api/v2/tickets/" + ticketId)).willReturn(zendeskError(422,
                "{\"error\": \"RecordInvalid\", \"description\": \"Record validation errors\", "
                        + "\"details\": {\"status\": [{\"description\": \"Status: closed prevents ticket update\"}]}}")));
    }

    /** Every PUT on the ticket itself (survey replies and follow-up notes). */
    public List<LoggedRequest> ticketUpdates(long ticketId) {
        return server.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/" + ticketId)));
    }

    /** Public replies PUT on the ticket (the surveys). */
    public List<LoggedRequest> surveyPosts(long ticketId) {
        return server.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/" + ticketId))
                .withRequestBody(matchingJsonPath("$.ticket.comment.public", equalTo("true"))));
    }

    /** Private notes on the ticket: the answers' write-backs (one bulk update each) and follow-up notes. */
    public List<LoggedRequest> notes(long ticketId) {
        List<LoggedRequest> notes = new java.util.ArrayList<>(writeBacks(ticketId));
        notes.addAll(server.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/" + ticketId))
                .withRequestBody(matchingJsonPath("$.ticket.comment.public", equalTo("false")))));
        return notes;
    }

    /** The write-backs: PUT /api/v2/tickets/update_many?ids={id}, note, tags and field in one. */
    List<LoggedRequest> writeBacks(long ticketId) {
        return server.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/update_many"))
                .withQueryParam("ids", equalTo(String.valueOf(ticketId))));
    }

    /** Every request this fake received for the ticket (reads, updates, its comments and metrics). */
    List<LoggedRequest> requestsAbout(long ticketId) {
        String id = String.valueOf(ticketId);
        return server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().matches("/api/v2/tickets/" + id + "([/?.].*)?")
                        || (r.getUrl().startsWith("/api/v2/tickets/update_many") && id.equals(idsOf(r))))
                .toList();
    }

    private static String idsOf(LoggedRequest r) {
        var ids = r.queryParameter("ids");
        return ids == null || !ids.isPresent() ? null : ids.firstValue();
    }

    public JsonNode body(LoggedRequest r) {
        try {
            return json.readTree(r.getBodyAsString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder zendeskError(int status, String json) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
    }

    @Override
    public void close() {
        server.stop();
    }
}
