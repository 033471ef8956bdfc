package fi.palaute.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, body and extra headers. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Response json(int status, Object value) {
        try {
            return new Response(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON response", e);
        }
    }

    /** The one error shape every endpoint uses: {@code {"error": "...", "detail": "..."}}. */
    public static Response error(int status, String error, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        return json(status, body);
    }

    public static Response html(int status, String html) {
        return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store", "X-Frame-Options", "DENY",
                        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
                        "Referrer-Policy", "no-referrer", "X-Content-Type-Options", "nosniff"));
    }

    /** 303 See Other: after a form POST, or to send a browser somewhere else, with no body. */
    public static Response seeOther(String location) {
        return new Response(303, "text/plain; charset=utf-8", new byte[0],
                Map.of("Location", location, "Cache-Control", "no-store"));
    }

    public static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, body, Map.copyOf(h));
    }
}
