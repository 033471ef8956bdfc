package fi.palaute.common.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls a readable message out of a vendor error body. Zendesk answers {@code {"error": "RecordNotFound",
 * "description": "Not found"}} or {@code {"error": {"title": …, "message": …}}}; Freshdesk answers
 * {@code {"description": "Validation failed", "errors": [{"field": …, "message": …, "code": …}]}}.
 */
final class VendorErrorText {
    private static final int MAX = 500;

    private VendorErrorText() {}

    static String from(JsonNode body, String raw, int status) {
        List<String> parts = new ArrayList<>();
        if (body != null && body.isObject()) {
            JsonNode error = body.path("error");
            if (error.isTextual()) parts.add(error.asText());
            if (error.isObject()) {
                addText(parts, error.path("title"));
                addText(parts, error.path("message"));
            }
            addText(parts, body.path("description"));
            addText(parts, body.path("message"));
            JsonNode details = body.path("details");
            if (details.isObject()) parts.add(details.toString());
            for (JsonNode e : body.path("errors")) {
                String field = e.path("field").asText("");
                String message = e.path("message").asText(e.path("title").asText(e.path("detail").asText("")));
                String code = e.path("code").asText("");
                parts.add((field.isEmpty() ? "" : field + ": ") + message + (code.isEmpty() ? "" : " (" + code + ")"));
            }
        }
        String text = parts.isEmpty() ? (raw == null || raw.isBlank() ? "HTTP " + status : raw.strip()) : String.join("; ", parts);
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }

    private static void addText(List<String> parts, JsonNode node) {
        if (node.isTextual() && !node.asText().isBlank()) parts.add(node.asText());
    }
}
