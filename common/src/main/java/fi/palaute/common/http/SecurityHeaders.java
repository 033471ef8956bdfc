package fi.palaute.common.http;

import org.eclipse.jetty.http.HttpFields;

/**
 * The headers every answer carries. No answer of a Palaute service may be cached (rating pages,
 * scores and customer comments are private, and a shared proxy must not keep them) or sniffed into
 * another type; every HTML page gets one Content-Security-Policy that loads nothing from another
 * host, runs no script and cannot be framed. A handler may send its own Cache-Control or policy;
 * it then replaces the default rather than adding a second one.
 */
public final class SecurityHeaders {
    /** Inline styles only; images from the page's own host; forms post back to us. */
    static final String CONTENT_SECURITY_POLICY = pagePolicy(java.util.Optional.empty());

    private SecurityHeaders() {}

    /**
     * The pages' policy; {@code imageOrigin} (a brand logo's {@code https://host}) is the one other place
     * images may come from. Nothing else widens: no scripts, no other styles, fonts or frames.
     */
    public static String pagePolicy(java.util.Optional<String> imageOrigin) {
        return "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'" + imageOrigin.map(o -> " " + o).orElse("")
                + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    static void apply(Response response, HttpFields.Mutable headers) {
        putIfAbsent(response, headers, "Cache-Control", "no-store");
        putIfAbsent(response, headers, "X-Content-Type-Options", "nosniff");
        if (response.contentType() != null && response.contentType().startsWith("text/html")) {
            putIfAbsent(response, headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
            putIfAbsent(response, headers, "X-Frame-Options", "DENY");
            putIfAbsent(response, headers, "Referrer-Policy", "no-referrer");
        }
    }

    private static void putIfAbsent(Response response, HttpFields.Mutable headers, String name, String value) {
        if (response.header(name).isEmpty() && !headers.contains(name)) headers.put(name, value);
    }
}
