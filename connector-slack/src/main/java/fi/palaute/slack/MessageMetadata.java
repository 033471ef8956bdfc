package fi.palaute.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * Message metadata as chat.postMessage takes it and conversations.history returns it with
 * {@code include_all_metadata}: {@code {"event_type": "palaute_alert", "event_payload": {"job_key": …}}}.
 * The job key names the job that posted the message, so a retry can recognise its own earlier post.
 */
public record MessageMetadata(String eventType, String jobKey) {
    public MessageMetadata {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(jobKey, "jobKey");
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("event_type", eventType);
        n.putObject("event_payload").put("job_key", jobKey);
        return n;
    }

    /** The metadata of a message in a history answer; empty when it has none or none of ours. */
    public static Optional<MessageMetadata> from(JsonNode metadata) {
        String type = metadata.path("event_type").asText("");
        String key = metadata.path("event_payload").path("job_key").asText("");
        return type.isEmpty() || key.isEmpty() ? Optional.empty() : Optional.of(new MessageMetadata(type, key));
    }
}
