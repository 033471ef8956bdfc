package fi.palaute.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A webhook as the Webhooks API shows it ({@code id} is a string such as 01GB…). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZendeskWebhook(@JsonProperty("id") String id, @JsonProperty("name") String name,
                             @JsonProperty("endpoint") String endpoint, @JsonProperty("status") String status,
                             @JsonProperty("subscriptions") List<String> subscriptions) {
    public ZendeskWebhook {
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
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
