package fi.palaute.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import fi.palaute.common.client.ApiClient;
import fi.palaute.common.client.ApiResponse;
import fi.palaute.common.client.CallPurpose;
import fi.palaute.common.client.CallResult;
import fi.palaute.common.client.RateLimiter;
import fi.palaute.common.client.VendorRefusal;
import fi.palaute.common.http.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The Zendesk Support API, one method per endpoint, answers bound to records. Ticket updates go through
 * their own client whose limiter keeps them under Zendesk's Update Ticket limit
 * (ZENDESK_UPDATES_PER_MINUTE, default 100 per minute per account), shared by the survey replies and the
 * write-backs; everything else is paced under the lowest account-wide limit (ZENDESK_READS_PER_MINUTE,
 * default 200 per minute, the Team plan). Reads throw the API kit's retryable or rejected exceptions;
 * ticket updates answer a {@link CallResult}, a closed ticket as {@link CallResult.TicketClosed}.
 */
public final class ZendeskClient {
    /** Zendesk's answer to an update the ticket's state forbids: 422 Unprocessable Entity. */
    static final int UNPROCESSABLE = 422;
    /** A trigger list longer than this many pages is a loop, not an account's triggers. */
    private static final int MAX_TRIGGER_PAGES = 50;

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

    // The envelopes Zendesk wraps its answers in, as its API reference shows them.
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TicketAnswer(@JsonProperty("ticket") ZendeskTicket ticket, @JsonProperty("users") List<ZendeskUser> users,
                        @JsonProperty("groups") List<Group> groups) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Group(@JsonProperty("id") long id, @JsonProperty("name") String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MetricsAnswer(@JsonProperty("ticket_metric") TicketMetrics ticketMetric) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CommentsAnswer(@JsonProperty("comments") List<TicketComment> comments,
                          @JsonProperty("next_page") String nextPage) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record JobStatusAnswer(@JsonProperty("job_status") JobStatus jobStatus) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record JobStatus(@JsonProperty("id") String id, @JsonProperty("status") String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserAnswer(@JsonProperty("user") ZendeskUser user) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TicketFieldAnswer(@JsonProperty("ticket_field") TicketField ticketField) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TicketField(@JsonProperty("id") long id, @JsonProperty("title") String title) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WebhooksAnswer(@JsonProperty("webhooks") List<ZendeskWebhook> webhooks) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WebhookAnswer(@JsonProperty("webhook") ZendeskWebhook webhook) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SigningSecretAnswer(@JsonProperty("signing_secret") SigningSecret signingSecret) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SigningSecret(@JsonProperty("secret") String secret, @JsonProperty("algorithm") String algorithm) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TriggersAnswer(@JsonProperty("triggers") List<ZendeskTrigger> triggers,
                          @JsonProperty("next_page") String nextPage) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TriggerAnswer(@JsonProperty("trigger") ZendeskTrigger trigger) {}

    /** {@code /api/v2/<segments…>}, each segment encoded on its own. */
    private static HttpUrl.Builder v2(ApiClient client, String... segments) {
        HttpUrl.Builder url = client.url("api", "v2");
        for (String segment : segments) url.addPathSegment(segment);
        return url;
    }

    /** GET /api/v2/tickets/{id}?include=users,groups: the ticket with its requester, assignee and group. */
    public ShownTicket showTicket(String ticketId) {
        TicketAnswer a = api.get(v2(api, "tickets", ticketId).addQueryParameter("include", "users,groups").build())
                .as(TicketAnswer.class, "zendesk ticket " + ticketId);
        Map<Long, ZendeskUser> users = new LinkedHashMap<>();
        if (a.users() != null) a.users().forEach(u -> users.put(u.id(), u));
        Map<Long, String> groups = new LinkedHashMap<>();
        if (a.groups() != null) a.groups().stream().filter(g -> g.name() != null).forEach(g -> groups.put(g.id(), g.name()));
        return new ShownTicket(required(a.ticket(), "ticket " + ticketId), users, groups);
    }

    /** GET /api/v2/tickets/{id}: the ticket alone (custom fields included). */
    public ZendeskTicket ticket(String ticketId) {
        return required(api.get(v2(api, "tickets", ticketId).build())
                .as(TicketAnswer.class, "zendesk ticket " + ticketId).ticket(), "ticket " + ticketId);
    }

    /** GET /api/v2/tickets/{id}/metrics */
    public TicketMetrics ticketMetrics(String ticketId) {
        return required(api.get(v2(api, "tickets", ticketId, "metrics").build())
                .as(MetricsAnswer.class, "zendesk metrics of ticket " + ticketId).ticketMetric(),
                "ticket_metric of ticket " + ticketId);
    }

    /** GET /api/v2/tickets/{id}/comments, newest first; pass the previous page's next_page to go on. */
    public CommentPage comments(String ticketId, String nextPage) {
        HttpUrl url = nextPage != null ? api.link(nextPage)
                : v2(api, "tickets", ticketId, "comments").addQueryParameter("sort_order", "desc").build();
        CommentsAnswer a = api.get(url).as(CommentsAnswer.class, "zendesk comments of ticket " + ticketId);
        return new CommentPage(a.comments() == null ? List.of() : a.comments(), a.nextPage());
    }

    /**
     * PUT /api/v2/tickets/{id}, paced under the Update Ticket limit. A closed ticket is
     * {@link CallResult.TicketClosed}: Zendesk takes no change to it, and never will.
     */
    public CallResult<Void> updateTicket(String ticketId, TicketUpdate update) {
        CallResult<ApiResponse> r = ticketUpdates.exchange("PUT", v2(ticketUpdates, "tickets", ticketId).build(),
                update.toJson());
        if (r instanceof CallResult.Dead<ApiResponse> dead && closedTicket(dead.refusal())) {
            return new CallResult.TicketClosed<>(dead.refusal());
        }
        return r.map(ok -> null);
    }

    private static boolean closedTicket(VendorRefusal refusal) {
        return refusal.status() == UNPROCESSABLE && refusal.body() != null && refusal.body().isObject()
                && refusal.bodyAs(ZendeskError.class).closedTicket();
    }

    /**
     * {@code PUT /api/v2/tickets/update_many?ids={id}}: one ticket updated through the bulk form of Update
     * Many Tickets, the one ticket update that takes {@code additional_tags} and {@code remove_tags}
     * beside a comment and fields. Zendesk queues a job and answers its job status at once.
     *
     * @return the queued job's id (empty when Zendesk sent none)
     */
    public CallResult<String> bulkUpdate(String ticketId, TicketUpdate update) {
        HttpUrl url = v2(ticketUpdates, "tickets", "update_many").addQueryParameter("ids", ticketId).build();
        return ticketUpdates.exchange("PUT", url, update.toJson()).map(r -> {
            JobStatus job = r.as(JobStatusAnswer.class, "zendesk job status").jobStatus();
            return job == null || job.id() == null ? "" : job.id();
        });
    }

    /** GET /api/v2/users/me: who the API token signs in as. */
    public ZendeskUser me() {
        return required(api.get(v2(api, "users", "me").build()).as(UserAnswer.class, "zendesk users/me").user(), "user");
    }

    /** GET /api/v2/ticket_fields/{id}: the field's title (null when it has none). */
    public String ticketFieldTitle(long fieldId) {
        TicketField field = api.get(v2(api, "ticket_fields", Long.toString(fieldId)).build())
                .as(TicketFieldAnswer.class, "zendesk ticket field " + fieldId).ticketField();
        return field == null ? null : field.title();
    }

    /** GET /api/v2/webhooks?filter[name_contains]=… */
    public List<ZendeskWebhook> webhooks(String nameContains) {
        HttpUrl url = v2(api, "webhooks").addQueryParameter("filter[name_contains]", nameContains).build();
        List<ZendeskWebhook> webhooks = api.get(url).as(WebhooksAnswer.class, "zendesk webhooks").webhooks();
        return webhooks == null ? List.of() : webhooks;
    }

    /** POST /api/v2/webhooks */
    public ZendeskWebhook createWebhook(Map<String, Object> webhook) {
        return required(api.post(v2(api, "webhooks").build(), webhook).as(WebhookAnswer.class, "zendesk webhook")
                .webhook(), "webhook");
    }

    /** PUT /api/v2/webhooks/{id} (Zendesk answers 204 with no body). */
    public void updateWebhook(String webhookId, Map<String, Object> webhook) {
        api.put(v2(api, "webhooks", webhookId).build(), webhook);
    }

    /** GET /api/v2/webhooks/{id}/signing_secret */
    public String webhookSigningSecret(String webhookId) {
        SigningSecret s = api.get(v2(api, "webhooks", webhookId, "signing_secret").build())
                .as(SigningSecretAnswer.class, "zendesk webhook signing secret").signingSecret();
        return s == null ? null : s.secret();
    }

    /** GET /api/v2/triggers, every page: the trigger with this title, if any. */
    public Optional<ZendeskTrigger> triggerTitled(String title) {
        HttpUrl page = v2(api, "triggers").build();
        for (int i = 0; page != null && i < MAX_TRIGGER_PAGES; i++) {
            TriggersAnswer a = api.get(page).as(TriggersAnswer.class, "zendesk triggers");
            if (a.triggers() != null) {
                Optional<ZendeskTrigger> found = a.triggers().stream().filter(t -> title.equals(t.title())).findFirst();
                if (found.isPresent()) return found;
            }
            page = a.nextPage() == null ? null : api.link(a.nextPage());
        }
        return Optional.empty();
    }

    /** POST /api/v2/triggers */
    public ZendeskTrigger createTrigger(Map<String, Object> trigger) {
        return required(api.post(v2(api, "triggers").build(), trigger).as(TriggerAnswer.class, "zendesk trigger")
                .trigger(), "trigger");
    }

    /** PUT /api/v2/triggers/{id} */
    public void updateTrigger(long triggerId, Map<String, Object> trigger) {
        api.put(v2(api, "triggers", Long.toString(triggerId)).build(), trigger);
    }

    private static <T> T required(T value, String what) {
        if (value == null) throw new fi.palaute.common.job.PermanentFailureException("zendesk answered without the " + what);
        return value;
    }
}
