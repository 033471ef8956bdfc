package fi.palaute.common.http;

import org.eclipse.jetty.http.HttpFields;

/**
 * The headers every answer carries. No answer of a Palaute service may be cached (rating pages,
 * scores and customer comments are private, and a shared proxy must not keep them) or sniffed into
 * another type; every HTML page gets one Content-Security-Policy that loads nothing from another
 * host, runs no script and cannot be framed. A handler may send its own Cache-Control or policy;
 * it then replaces the default rather than adding a second one.
 */
final class SecurityHeaders {
    /** Inline styles only; images from the page's own host or https (a brand logo); forms post back to us. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {}

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
