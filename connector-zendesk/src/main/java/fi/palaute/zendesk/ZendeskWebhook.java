package fi.palaute.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A webhook as the Webhooks API shows it ({@code id} is a string such as 01GB…). */
public record ZendeskWebhook(String id, String name, String endpoint, String status, List<String> subscriptions) {
    public ZendeskWebhook {
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }

    static ZendeskWebhook from(JsonNode w) {
        List<String> subs = new ArrayList<>();
        w.path("subscriptions").forEach(s -> subs.add(s.asText()));
        return new ZendeskWebhook(Json.text(w, "id"), Json.text(w, "name"), Json.text(w, "endpoint"),
                Json.text(w, "status"), subs);
    }

    /** A webhook that triggers and automations can call (rather than one subscribed to events). */
    static Map<String, Object> triggerWebhook(String name, String endpoint, String description) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("name", name);
        w.put("description", description);
        w.put("status", "active");
        w.put("endpoint", endpoint);
        w.put("http_method", "POST");
        w.put("request_format", "json");
        w.put("subscriptions", List.of("conditional_ticket_events"));
        return Map.of("webhook", w);
    }
}
