package fi.palaute.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a Zendesk ticket the survey needs. {@code customFields} maps field id to its raw
 * value (number, string or null), as the ticket's {@code custom_fields} array lists them. {@code subject}
 * is the ticket's title (null when it has none).
 */
public record ZendeskTicket(long id, String status, Long requesterId, Long assigneeId, Long groupId, List<String> tags,
                            String channel, Map<Long, JsonNode> customFields, String subject) {
    public ZendeskTicket {
        tags = List.copyOf(tags);
        customFields = Map.copyOf(customFields);
    }

    static ZendeskTicket from(JsonNode t) {
        List<String> tags = new ArrayList<>();
        t.path("tags").forEach(tag -> tags.add(tag.asText()));
        Map<Long, JsonNode> fields = new LinkedHashMap<>();
        for (JsonNode f : t.path("custom_fields")) {
            if (f.hasNonNull("id")) fields.put(f.get("id").asLong(), f.path("value"));
        }
        return new ZendeskTicket(t.path("id").asLong(), Json.text(t, "status"), Json.number(t, "requester_id"),
                Json.number(t, "assignee_id"), Json.number(t, "group_id"), tags, Json.text(t.path("via"), "channel"),
                fields, Json.text(t, "subject"));
    }

    /** A numeric custom field's value, or null when unset or not a number. */
    public Long numberField(long fieldId) {
        JsonNode v = customFields.get(fieldId);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.asLong();
        String s = v.asText().trim();
        if (s.matches("[0-9]{1,18}")) return Long.parseLong(s);
        if (s.matches("[0-9]{1,15}\\.[0-9]+")) return Math.round(Double.parseDouble(s));
        return null;
    }
}
