package fi.palaute.common.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * What every answer to hostile input must look like: 2xx or 4xx, never 5xx (and of the redirects only
 * 303, with which a rating POST ends on its thank-you page); JSON or an HTML page; a JSON error carries
 * {@code "error"}; and nothing of the service's insides (exception names, stack frames, Java class
 * names) leaks into the body.
 */
public record SafeAnswer(int status, String contentType, String body) {
    public static final List<String> LEAK_MARKERS = List.of("Exception", "at fi.palaute", "java.");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is wrong with this answer, or empty when it is a proper answer. */
    public Optional<String> problem() {
        if (status >= 500) return Optional.of("server error " + status + ": " + cut(body));
        if (status < 200 || status >= 500 || (status >= 300 && status < 400 && status != 303)) {
            return Optional.of("status " + status + ": " + cut(body));
        }
        if (status == 303) return body.isEmpty() ? Optional.empty() : Optional.of("303 with a body: " + cut(body));
        for (String marker : LEAK_MARKERS) {
            if (body.contains(marker)) return Optional.of("body leaks '" + marker + "': " + cut(body));
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        boolean json = type.startsWith("application/json");
        if (!json && !type.startsWith("text/html")) return Optional.of("content type '" + contentType + "'");
        if (json) {
            try {
                JsonNode node = JSON.readTree(body);
                if (status >= 400 && (node == null || !node.hasNonNull("error"))) {
                    return Optional.of("JSON error without \"error\": " + cut(body));
                }
            } catch (Exception e) {
                return Optional.of("body is not the JSON it claims: " + cut(body));
            }
        }
        return Optional.empty();
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
