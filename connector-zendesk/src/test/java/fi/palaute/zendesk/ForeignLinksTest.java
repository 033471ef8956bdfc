package fi.palaute.zendesk;

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
import org.junit.jupiter.api.Test;

/**
 * Zendesk's {@code next_page} is followed only to the configured account: a page pointing at another
 * host, scheme or port fails with a clear message, and that host never sees the account's credentials.
 */
class ForeignLinksTest {
    private final WireMockServer zendesk = new WireMockServer(options().dynamicPort());
    private final WireMockServer elsewhere = new WireMockServer(options().dynamicPort());

    @AfterEach
    void stop() {
        zendesk.stop();
        elsewhere.stop();
    }

    private ZendeskClient client() {
        Clock clock = Clock.systemUTC();
        String auth = "Basic cGFsYXV0ZUBhY21lLnRlc3QvdG9rZW46c2VjcmV0";
        return new ZendeskClient(
                new ApiClient("zendesk", zendesk.baseUrl(), auth, new RateLimiter(600, Duration.ofMinutes(1), clock),
                        new Metrics(), clock),
                new ApiClient("zendesk", zendesk.baseUrl(), auth, new RateLimiter(600, Duration.ofMinutes(1), clock),
                        new Metrics(), clock));
    }

    private void commentsPointingTo(String nextPage) {
        // The shape of Zendesk's List Comments answer, with next_page set.
        zendesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/7/comments")).willReturn(okJson(
                "{\"comments\": [{\"id\": 1, \"type\": \"Comment\", \"public\": true, \"body\": \"Hi\", "
                        + "\"html_body\": \"<p>Hi</p>\", \"author_id\": 5}], \"next_page\": \"" + nextPage
                        + "\", \"previous_page\": null, \"count\": 120}")));
    }

    @Test
    void nextPageOnAnotherHostIsNotFollowed() {
        zendesk.start();
        elsewhere.start();
        elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{\"comments\": [], \"next_page\": null}")));
        String foreign = "http://127.0.0.1:" + elsewhere.port() + "/api/v2/tickets/7/comments?page=2";
        commentsPointingTo(foreign);
        ZendeskHelpdesk helpdesk = new ZendeskHelpdesk(client(), ZendeskSettings.from(new fi.palaute.common.config.Settings(
                java.util.Map.of("ZENDESK_URL", zendesk.baseUrl(), "ZENDESK_EMAIL", "palaute@acme.test",
                        "ZENDESK_API_TOKEN", "secret")), false));
        ForeignUrlException e = assertThrows(ForeignUrlException.class, () -> helpdesk.hasReplyWith("7", "palaute-survey"));
        System.out.println("foreign next_page: " + e.getMessage());
        assertTrue(e.getMessage().contains("outside the configured " + "http://localhost:" + zendesk.port())
                || e.getMessage().contains("outside the configured http://127.0.0.1:" + zendesk.port()), e.getMessage());
        assertTrue(e.getMessage().contains("no credentials sent"), e.getMessage());
        assertEquals(0, elsewhere.findAll(anyRequestedFor(anyUrl())).size(), "the other host heard nothing");
    }

    @Test
    void nextPageOnTheSameHostWithAnotherSchemeOrPortIsNotFollowed() {
        zendesk.start();
        ZendeskClient client = client();
        String host = java.net.URI.create(zendesk.baseUrl()).getHost();
        for (String foreign : new String[] {"https://" + host + ":" + zendesk.port() + "/api/v2/tickets/7/comments?page=2",
                "http://" + host + ":" + (zendesk.port() + 1) + "/api/v2/tickets/7/comments?page=2"}) {
            assertThrows(ForeignUrlException.class, () -> client.comments("7", foreign), foreign);
        }
        // The account's own next_page is followed as before.
        commentsPointingTo(zendesk.baseUrl() + "/api/v2/tickets/7/comments?page=2");
        assertEquals(zendesk.baseUrl() + "/api/v2/tickets/7/comments?page=2", client.comments("7", null).nextPage());
        assertEquals(1, client.comments("7", zendesk.baseUrl() + "/api/v2/tickets/7/comments?page=2").comments().size());
    }
}
