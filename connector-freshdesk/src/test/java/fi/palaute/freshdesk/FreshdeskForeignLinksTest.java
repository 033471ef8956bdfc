package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import fi.palaute.common.client.ApiClient;
import fi.palaute.common.client.ForeignUrlException;
import fi.palaute.common.client.RateLimiter;
import fi.palaute.common.http.Metrics;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Freshdesk's {@code Link: <…>; rel="next"} is followed only within the configured account: a next page
 * on another host fails the list with a clear message and that host never sees the API key.
 */
class FreshdeskForeignLinksTest {
    private final WireMockServer freshdesk = new WireMockServer(options().dynamicPort());
    private final WireMockServer elsewhere = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        freshdesk.start();
        elsewhere.start();
        elsewhere.stubFor(get(anyUrl()).willReturn(okJson("[]")));
    }

    @AfterEach
    void stop() {
        freshdesk.stop();
        elsewhere.stop();
    }

    private FreshdeskClient client() {
        Clock clock = Clock.systemUTC();
        RateLimiter limiter = new RateLimiter(600, Duration.ofMinutes(1), clock);
        return new FreshdeskClient(new ApiClient("freshdesk", freshdesk.baseUrl(), "Basic a2V5Olg=", limiter,
                new Metrics(), clock), new RateLimitFeedback(limiter, clock));
    }

    private void conversationsWithNext(String next) {
        // A page of List All Conversations of a Ticket, with the Link header Freshdesk sends when there is more.
        freshdesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/7/conversations")).willReturn(okJson(
                "[{\"id\": 1, \"body_text\": \"Hi\", \"incoming\": true, \"private\": false, \"user_id\": 5, "
                        + "\"created_at\": \"2026-03-01T10:00:00Z\"}]").withHeader("Link", "<" + next + ">; rel=\"next\"")));
    }

    @Test
    void nextPageOnAnotherHostIsNotFollowed() {
        conversationsWithNext("http://127.0.0.1:" + elsewhere.port() + "/api/v2/tickets/7/conversations?page=2");
        ForeignUrlException e = assertThrows(ForeignUrlException.class, () -> client().conversations("7"));
        System.out.println("foreign Link rel=next: " + e.getMessage());
        assertTrue(e.getMessage().contains("freshdesk sent a link to http://127.0.0.1:" + elsewhere.port()), e.getMessage());
        assertTrue(e.getMessage().contains("no credentials sent"), e.getMessage());
        assertEquals(0, elsewhere.findAll(anyRequestedFor(anyUrl())).size(), "the other host heard nothing");
    }

    @Test
    void nextPageOnTheAccountIsFollowed() {
        conversationsWithNext(freshdesk.baseUrl() + "/api/v2/tickets/7/conversations?page=2");
        freshdesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/7/conversations"))
                .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
                .willReturn(okJson("[{\"id\": 2, \"body_text\": \"Thanks\", \"incoming\": false, \"private\": false, "
                        + "\"user_id\": 6, \"created_at\": \"2026-03-01T11:00:00Z\"}]")));
        assertEquals(2, client().conversations("7").size());
    }
}
