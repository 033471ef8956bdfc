package fi.palaute.common.crash;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What one request got: an HTTP status and body, or no answer at all (status 0: refused, reset, timed out). */
public record Answer(int status, String body) {
    /** A helpdesk's delivery: HTTP/1.1, a short connect timeout; the request carries its own read timeout. */
    private static final HttpClient DELIVERY = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public static Answer none(String why) {
        return new Answer(0, why);
    }

    /** Sends the request as a helpdesk delivers a webhook; a connector that is down is {@link #none}, not a throw. */
    public static Answer send(HttpRequest request) {
        return send(DELIVERY, request);
    }

    public static Answer send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return none(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none("interrupted");
        }
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean answered() {
        return status != 0;
    }
}
