package fi.palaute.common.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fi.palaute.common.http.Metrics;
import java.time.Clock;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an operator reads on /metrics about the vendor bill: calls by purpose and kind, credits. */
class ApiClientCountingTest {
    private final WireMockServer vendor = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final Metrics metrics = new Metrics();

    ApiClientCountingTest() {
        vendor.start();
    }

    @AfterEach
    void stop() {
        vendor.stop();
    }

    private ApiClient client() {
        return new ApiClient("acme", vendor.baseUrl(), null, RateLimiter.unlimited(Clock.systemUTC()), metrics,
                Clock.systemUTC());
    }

    @Test
    void callsAreCountedByPurposeAndKindWithIdsFolded() {
        vendor.stubFor(get(urlPathMatching("/api/v2/tickets/[0-9]+(\\.json)?")).willReturn(okJson("{}")));
        vendor.stubFor(put(urlPathMatching("/api/v2/tickets/[0-9]+")).willReturn(aResponse().withStatus(422)));
        ApiClient surveys = client().withPurpose(CallPurpose.SURVEY);
        surveys.get(surveys.url("api", "v2", "tickets", "41").build());
        surveys.get(surveys.url("api", "v2", "tickets", "42.json").addQueryParameter("include", "users").build());
        assertThrows(ApiRejectedException.class, () -> client().withPurpose(CallPurpose.WRITE_BACK)
                .put(surveys.url("api", "v2", "tickets", "42").build(), "{}"));

        assertEquals(2, metrics.counter("palaute_api_calls_total", "vendor", "acme", "purpose", "survey",
                "kind", "GET tickets/{id}", "status", "200"));
        assertEquals(1, metrics.counter("palaute_api_calls_total", "vendor", "acme", "purpose", "write_back",
                "kind", "PUT tickets/{id}", "status", "422"));
        assertTrue(!metrics.scrape().contains("palaute_api_credits_total"), "no credits for a vendor that bills calls");
    }

    @Test
    void creditsComeFromTheVendorsHeaderOrTheDocumentedEstimate() {
        vendor.stubFor(get(urlPathEqualTo("/api/v2/tickets/7")).withQueryParam("include", equalTo("requester,stats"))
                .willReturn(okJson("{}").withHeader("X-RateLimit-Used-CurrentRequest", "3")));
        vendor.stubFor(get(urlPathEqualTo("/api/v2/tickets/8")).willReturn(okJson("{}")));
        ApiClient billed = client().withPurpose(CallPurpose.SURVEY)
                .withCreditCost(new CreditCost("X-RateLimit-Used-CurrentRequest", url -> 2));
        billed.get(billed.url("api", "v2", "tickets", "7").addQueryParameter("include", "requester,stats").build());
        billed.get(billed.url("api", "v2", "tickets", "8").build());

        assertEquals(5, metrics.counter("palaute_api_credits_total", "vendor", "acme", "purpose", "survey",
                "kind", "GET tickets/{id}"), "3 from the header, 2 estimated where the header is missing");
    }

    @Test
    void kindsReadLikeTheVendorsEndpoints() {
        assertEquals("GET tickets/{id}/conversations",
                ApiClient.kind("GET", HttpUrl.get("https://acme.freshdesk.com/api/v2/tickets/12/conversations?page=2")));
        assertEquals("PUT tickets/update_many",
                ApiClient.kind("PUT", HttpUrl.get("https://acme.zendesk.com/api/v2/tickets/update_many.json?ids=4")));
        assertEquals("GET webhooks/{id}/signing_secret",
                ApiClient.kind("GET", HttpUrl.get("https://acme.zendesk.com/api/v2/webhooks/01GK3X7M5W8/signing_secret")));
        assertEquals("POST chat.postMessage", ApiClient.kind("POST", HttpUrl.get("https://slack.com/api/chat.postMessage")));
        assertEquals("GET agents/me", ApiClient.kind("GET", HttpUrl.get("https://acme.freshdesk.com/api/v2/agents/me")));
    }
}
