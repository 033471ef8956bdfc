package fi.palaute.common.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises itself, before any route runs (a malformed request line, headers
 * over the limit, an ambiguous path), in the service's one JSON error shape instead of Jetty's HTML
 * page, and without Jetty's message, which may echo what the client sent.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HttpService.class);

    private final Metrics metrics;

    JsonErrorHandler(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object attribute = request.getAttribute(ERROR_STATUS);
        if (attribute instanceof Integer s && s >= 400) status = s;
        String reason = HttpStatus.getMessage(status);
        fi.palaute.common.http.Response body = fi.palaute.common.http.Response.error(status,
                status >= 500 ? "internal_error" : "bad_request",
                status >= 500 ? "the request could not be handled; see the service log"
                        : "the request could not be read: " + reason);
        metrics.increment("palaute_http_requests_total", "HTTP requests by route and status", "route", "unreadable",
                "status", Integer.toString(status));
        log.info("{} {} {} (refused before routing)", LogText.escape(request.getMethod()),
                LogText.escape(request.getHttpURI() == null ? null : request.getHttpURI().getPath()), status);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
        SecurityHeaders.apply(body, response.getHeaders());
        // Jetty closes the connection after some of these (a NUL in the path) without saying so; a client
        // that kept the connection would then lose its next request on it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body.bufferedBytes()), callback);
        return true;
    }
}
