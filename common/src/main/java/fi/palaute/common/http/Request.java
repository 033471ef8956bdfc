package fi.palaute.common.http;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An inbound request with its body already read (within the size limit). Header names are matched
 * case-insensitively; {@code path} is the raw (still %-encoded) path, path parameters are decoded.
 */
public record Request(String method, String path, Map<String, String> pathParams, Map<String, String> query,
                      Map<String, List<String>> headers, byte[] body, InetSocketAddress remote) {

    public Request {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) h.merge(k, List.copyOf(v), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        });
        headers = java.util.Collections.unmodifiableMap(h);
        pathParams = Map.copyOf(pathParams);
        query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /**
     * A cookie's value from the {@code Cookie} header (RFC 6265: {@code name=value} pairs separated by
     * {@code ;}), the first if the name repeats; empty when absent.
     */
    public Optional<String> cookie(String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey() == null || !e.getKey().equalsIgnoreCase("Cookie")) continue;
            for (String line : e.getValue()) {
                for (String pair : line.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                        String value = pair.substring(eq + 1).trim();
                        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                            value = value.substring(1, value.length() - 1);
                        }
                        return Optional.of(value);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The path with its query string, as the client asked for it: where to come back to after a sign-in. */
    public String pathAndQuery() {
        if (query.isEmpty()) return path;
        StringBuilder out = new StringBuilder(path);
        char sep = '?';
        for (var e : query.entrySet()) {
            out.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return out.toString();
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A path parameter such as {@code token} in {@code /r/{token}}; every declared one is present. */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Parses an application/x-www-form-urlencoded body (rating form, Slack commands, sign-in). */
    public Map<String, String> form() {
        return parseForm(bodyText());
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
