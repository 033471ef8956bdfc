package fi.palaute.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import fi.palaute.common.client.ApiClient;
import fi.palaute.common.client.ApiResponse;
import fi.palaute.common.client.CallPurpose;
import fi.palaute.common.client.RateLimiter;
import fi.palaute.common.http.Metrics;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Zendesk Support API, one method per endpoint. Ticket updates go through their own client whose
 * limiter keeps them under Zendesk's Update Ticket limit (ZENDESK_UPDATES_PER_MINUTE, default 100 per
 * minute per account), shared by the survey replies and the write-backs; everything else is paced under
 * the lowest account-wide limit (ZENDESK_READS_PER_MINUTE, default 200 per minute, the Team plan). Failures are the API kit's retryable or rejected exceptions.
 */
public final class ZendeskClient {
    private final ApiClient api;
    private final ApiClient ticketUpdates;

    public ZendeskClient(ApiClient api, ApiClient ticketUpdates) {
        this.api = api;
        this.ticketUpdates = ticketUpdates;
    }

    public static ZendeskClient create(ZendeskSettings settings, Metrics metrics, Clock clock) {
        String base = settings.baseUrl().toString();
        return new ZendeskClient(
                new ApiClient("zendesk", base, settings.authorization(),
                        new RateLimiter(settings.readsPerMinute(), Duration.ofMinutes(1), clock), metrics, clock),
                new ApiClient("zendesk", base, settings.authorization(),
                        new RateLimiter(settings.updatesPerMinute(), Duration.ofMinutes(1), clock), metrics, clock));
    }

    /** The same client counting its calls under {@code purpose} in {@code palaute_api_calls_total}. */
    public ZendeskClient withPurpose(CallPurpose purpose) {
        return new ZendeskClient(api.withPurpose(purpose), ticketUpdates.withPurpose(purpose));
    }

    /** GET /api/v2/tickets/{id}?include=users,groups: the ticket with its requester, assignee and group. */
    public ShownTicket showTicket(String ticketId) {
        JsonNode body = api.get("/api/v2/tickets/" + ticketId + "?include=users,groups").body();
        Map<Long, ZendeskUser> users = new LinkedHashMap<>();
        for (JsonNode u : body.path("users")) users.put(u.path("id").asLong(), ZendeskUser.from(u));
        Map<Long, String> groups = new LinkedHashMap<>();
        for (JsonNode g : body.path("groups")) {
            if (g.hasNonNull("name")) groups.put(g.path("id").asLong(), g.get("name").asText());
        }
        return new ShownTicket(ZendeskTicket.from(body.path("ticket")), users, groups);
    }

    /** GET /api/v2/tickets/{id}: the ticket alone (custom fields included). */
    public ZendeskTicket ticket(String ticketId) {
        return ZendeskTicket.from(api.get("/api/v2/tickets/" + ticketId).body().path("ticket"));
    }

    /** GET /api/v2/tickets/{id}/metrics */
    public TicketMetrics ticketMetrics(String ticketId) {
        return TicketMetrics.from(api.get("/api/v2/tickets/" + ticketId + "/metrics").body().path("ticket_metric"));
    }

    /** GET /api/v2/tickets/{id}/comments, newest first; pass the previous page's next_page to go on. */
    public CommentPage comments(String ticketId, String nextPage) {
        ApiResponse r = api.get(nextPage != null ? nextPage : "/api/v2/tickets/" + ticketId + "/comments?sort_order=desc");
        List<TicketComment> comments = new ArrayList<>();
        for (JsonNode c : r.body().path("comments")) comments.add(TicketComment.from(c));
        return new CommentPage(comments, Json.text(r.body(), "next_page"));
    }

    /** PUT /api/v2/tickets/{id}, paced under the Update Ticket limit. */
    public void updateTicket(String ticketId, TicketUpdate update) {
        ticketUpdates.put("/api/v2/tickets/" + ticketId, update.toJson());
    }

    /**
     * {@code PUT /api/v2/tickets/update_many?ids={id}}: one ticket updated through the bulk form of Update
     * Many Tickets, the one ticket update that takes {@code additional_tags} and {@code remove_tags}
     * beside a comment and fields. Zendesk queues a job and answers its job status at once.
     *
     * @return the queued job's id (empty when Zendesk sent none)
     */
    public String bulkUpdate(String ticketId, TicketUpdate update) {
        JsonNode body = ticketUpdates.put("/api/v2/tickets/update_many?ids="
                + URLEncoder.encode(ticketId, StandardCharsets.UTF_8), update.toJson()).body();
        return body.path("job_status").path("id").asText("");
    }

    /** GET /api/v2/users/me: who the API token signs in as. */
    public ZendeskUser me() {
        return ZendeskUser.from(api.get("/api/v2/users/me").body().path("user"));
    }

    /** GET /api/v2/ticket_fields/{id}: the field's title, or empty when it does not exist. */
    public String ticketFieldTitle(long fieldId) {
        return Json.text(api.get("/api/v2/ticket_fields/" + fieldId).body().path("ticket_field"), "title");
    }

    /** GET /api/v2/webhooks?filter[name_contains]=… */
    public List<ZendeskWebhook> webhooks(String nameContains) {
        JsonNode body = api.get("/api/v2/webhooks?filter%5Bname_contains%5D="
                + URLEncoder.encode(nameContains, StandardCharsets.UTF_8)).body();
        List<ZendeskWebhook> out = new ArrayList<>();
        for (JsonNode w : body.path("webhooks")) out.add(ZendeskWebhook.from(w));
        return out;
    }

    /** POST /api/v2/webhooks */
    public ZendeskWebhook createWebhook(Map<String, Object> webhook) {
        return ZendeskWebhook.from(api.post("/api/v2/webhooks", webhook).body().path("webhook"));
    }

    /** PUT /api/v2/webhooks/{id} (Zendesk answers 204 with no body). */
    public void updateWebhook(String webhookId, Map<String, Object> webhook) {
        api.put("/api/v2/webhooks/" + webhookId, webhook);
    }

    /** GET /api/v2/webhooks/{id}/signing_secret */
    public String webhookSigningSecret(String webhookId) {
        return Json.text(api.get("/api/v2/webhooks/" + webhookId + "/signing_secret").body().path("signing_secret"),
                "secret");
    }

    /** GET /api/v2/triggers, every page: the trigger with this title, if any. */
    public Optional<ZendeskTrigger> triggerTitled(String title) {
        String page = "/api/v2/triggers";
        for (int i = 0; page != null && i < 50; i++) {
            JsonNode body = api.get(page).body();
            for (JsonNode t : body.path("triggers")) {
                if (title.equals(Json.text(t, "title"))) return Optional.of(ZendeskTrigger.from(t));
            }
            page = Json.text(body, "next_page");
        }
        return Optional.empty();
    }

    /** POST /api/v2/triggers */
    public ZendeskTrigger createTrigger(Map<String, Object> trigger) {
        return ZendeskTrigger.from(api.post("/api/v2/triggers", trigger).body().path("trigger"));
    }

    /** PUT /api/v2/triggers/{id} */
    public void updateTrigger(long triggerId, Map<String, Object> trigger) {
        api.put("/api/v2/triggers/" + triggerId, trigger);
    }
}
