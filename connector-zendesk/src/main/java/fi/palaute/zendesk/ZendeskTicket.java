package fi.palaute.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The parts of a Zendesk ticket ({@code GET /api/v2/tickets/{id}}) the survey needs. {@code custom_fields}
 * lists field ids with their raw values, whose type depends on the field (number, string, list, null).
 * {@code subject} is the ticket's title (null when it has none).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZendeskTicket(@JsonProperty("id") long id, @JsonProperty("status") String status,
                            @JsonProperty("requester_id") Long requesterId, @JsonProperty("assignee_id") Long assigneeId,
                            @JsonProperty("group_id") Long groupId, @JsonProperty("tags") List<String> tags,
                            @JsonProperty("via") Via via, @JsonProperty("custom_fields") List<CustomField> customFields,
                            @JsonProperty("subject") String subject) {
    public ZendeskTicket {
        tags = tags == null ? List.of() : List.copyOf(tags);
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
    }

    /** How the ticket came in: {@code via.channel} is email, web, chat, native_messaging, voice, … */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Via(@JsonProperty("channel") String channel) {}

    /** One entry of {@code custom_fields}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomField(@JsonProperty("id") Long id, @JsonProperty("value") Object value) {}

    public String channel() {
        return via == null ? null : via.channel();
    }

    /** A numeric custom field's value, or null when unset or not a number. */
    public Long numberField(long fieldId) {
        for (CustomField f : customFields) {
            if (f.id() != null && f.id() == fieldId) return number(f.value());
        }
        return null;
    }

    private static Long number(Object v) {
        if (v instanceof Number n) return n.longValue();
        if (!(v instanceof String text)) return null;
        String s = text.trim();
        if (s.matches("[0-9]{1,18}")) return Long.parseLong(s);
        if (s.matches("[0-9]{1,15}\\.[0-9]+")) return Math.round(Double.parseDouble(s));
        return null;
    }
}
