package fi.palaute.common.http;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An inbound request with its body already read (within the size limit). */
public record Request(String method, String path, Map<String, String> pathParams, Map<String, String> query,
                      Map<String, List<String>> headers, byte[] body, InetSocketAddress remote) {

    /** A header value, matched case-insensitively. */
    public Optional<String> header(String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Parses an application/x-www-form-urlencoded body (rating form, Slack commands). */
    public Map<String, String> form() {
        return parseForm(bodyText());
    }

    public Request withPathParams(Map<String, String> params) {
        return new Request(method, path, params, query, headers, body, remote);
    }

    public static Map<String, String> parseForm(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return out;
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                // a malformed %-escape: skip the pair, the handler reports what is then missing
            }
        }
        return out;
    }
}
