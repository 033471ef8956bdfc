package fi.palaute.zendesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.client.ApiRejectedException;
import fi.palaute.common.client.ApiRetryableException;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code setup}: creates, or updates when one of the same name exists, the webhook that posts to
 * PALAUTE_PUBLIC_URL/webhooks/zendesk and the trigger "status changed to solved" that calls it, then
 * reads the webhook's signing secret for ZENDESK_WEBHOOK_SECRET. Running it again changes nothing
 * but what drifted.
 */
public final class SetupCommand {
    static final String WEBHOOK_NAME = "Palaute survey";
    static final String TRIGGER_TITLE = "Palaute: send survey when solved";
    /** What the trigger sends; updated_at names the solve, so Zendesk's repeated deliveries collapse. */
    static final Map<String, String> TRIGGER_BODY = orderedBody();

    private final ZendeskClient client;
    private final ZendeskSettings settings;
    private final URI publicUrl;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    public SetupCommand(ZendeskClient client, ZendeskSettings settings, URI publicUrl, PrintStream out) {
        this.client = client;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.out = out;
    }

    private static Map<String, String> orderedBody() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("ticket_id", "{{ticket.id}}");
        body.put("status", "{{ticket.status}}");
        body.put("updated_at", "{{ticket.updated_at_with_timestamp}}");
        return java.util.Collections.unmodifiableMap(body);
    }

    /** @return the process exit code */
    public int run() {
        String endpoint = publicUrl + ZendeskConnector.WEBHOOK_PATH;
        try {
            Map<String, Object> webhookSpec = ZendeskWebhook.triggerWebhook(WEBHOOK_NAME, endpoint,
                    "Palaute: sends a survey when a ticket is solved (created by palaute setup)");
            Optional<ZendeskWebhook> existing = client.webhooks(WEBHOOK_NAME).stream()
                    .filter(w -> WEBHOOK_NAME.equals(w.name())).findFirst();
            String webhookId;
            if (existing.isPresent()) {
                webhookId = existing.get().id();
                client.updateWebhook(webhookId, webhookSpec);
                out.println("updated webhook \"" + WEBHOOK_NAME + "\" (" + webhookId + ") -> " + endpoint);
            } else {
                webhookId = client.createWebhook(webhookSpec).id();
                out.println("created webhook \"" + WEBHOOK_NAME + "\" (" + webhookId + ") -> " + endpoint);
            }

            Map<String, Object> triggerSpec = trigger(webhookId);
            Optional<ZendeskTrigger> trigger = client.triggerTitled(TRIGGER_TITLE);
            if (trigger.isPresent()) {
                client.updateTrigger(trigger.get().id(), triggerSpec);
                out.println("updated trigger \"" + TRIGGER_TITLE + "\" (" + trigger.get().id() + ")");
            } else {
                ZendeskTrigger created = client.createTrigger(triggerSpec);
                out.println("created trigger \"" + TRIGGER_TITLE + "\" (" + created.id() + ")");
            }

            String secret = client.webhookSigningSecret(webhookId);
            if (secret == null) {
                out.println("could not read the webhook's signing secret: copy it from Admin Center > Apps and "
                        + "integrations > Webhooks > " + WEBHOOK_NAME + " > Reveal secret");
                return 1;
            }
            if (settings.webhookSecret().filter(secret::equals).isPresent()) {
                out.println("ZENDESK_WEBHOOK_SECRET is already set to this webhook's signing secret.");
            } else {
                // Printed once, for the admin to copy into the service's environment; it never goes to the log.
                out.println();
                out.println("Set this in the connector's environment, then (re)start it:");
                out.println("  ZENDESK_WEBHOOK_SECRET=" + secret);
            }
            out.println();
            out.println("Next: run 'check', then start the service. Solved tickets will get a survey.");
            return 0;
        } catch (ApiRejectedException | ApiRetryableException e) {
            out.println("setup failed: " + e.getMessage());
            if (e instanceof ApiRejectedException r && (r.status() == 401 || r.status() == 403)) {
                out.println("  check ZENDESK_EMAIL and ZENDESK_API_TOKEN; setup needs an admin's token.");
            }
            return 1;
        }
    }

    Map<String, Object> trigger(String webhookId) {
        String body;
        try {
            body = json.writerWithDefaultPrettyPrinter().writeValueAsString(TRIGGER_BODY);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("title", TRIGGER_TITLE);
        t.put("description", "Notifies Palaute when a ticket is solved, so it can send the customer a one-question survey.");
        t.put("active", true);
        t.put("conditions", Map.of(
                "all", List.of(
                        Map.of("field", "update_type", "operator", "is", "value", "Change"),
                        Map.of("field", "status", "operator", "value", "value", "solved")),
                "any", List.of()));
        t.put("actions", List.of(Map.of("field", "notification_webhook", "value", List.of(webhookId, body))));
        return Map.of("trigger", t);
    }
}
