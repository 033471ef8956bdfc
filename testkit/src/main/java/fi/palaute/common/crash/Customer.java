package fi.palaute.common.crash;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's browser on the rating page: opens the link (GET), sends the form with its nonce (POST)
 * and follows the redirect to the thank-you page, as a browser does. A form that got no answer is sent
 * again as it was (same nonce), as a browser resubmits it.
 */
public final class Customer {
    public static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0 Safari/537.36";
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    private Customer() {}

    /** The nonce of the form at {@code base + path}, or empty when the page offers no form (or did not answer). */
    public static Optional<String> openForm(String base, String path) {
        Answer page = send(HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", BROWSER).GET());
        if (page.status() != 200) return Optional.empty();
        Matcher m = NONCE.matcher(page.body());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Sends the form and follows its 303 to the thank-you page: the thank-you page's answer, or the POST's
     * when it did not redirect, or {@link Answer#none} when either got no answer.
     */
    public static Answer answer(String base, String path, String nonce, int score, String comment) {
        String form = "score=" + score + "&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8)
                + "&nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8) + "&website=";
        HttpResponse<String> posted;
        try {
            posted = exchange(HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", BROWSER)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        } catch (IOException e) {
            return Answer.none(e.getClass().getSimpleName());
        }
        Optional<String> location = posted.headers().firstValue("Location");
        if (posted.statusCode() != 303 || location.isEmpty()) return new Answer(posted.statusCode(), posted.body());
        return send(HttpRequest.newBuilder(URI.create(base + path).resolve(location.get())).header("User-Agent", BROWSER).GET());
    }

    private static Answer send(HttpRequest.Builder request) {
        return Answer.send(HTTP, request.timeout(Duration.ofSeconds(10)).build());
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
