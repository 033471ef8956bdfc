package fi.palaute.common.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import fi.palaute.common.http.Metrics;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How every vendor answer is classified, once, for both connectors: what a job then does with it (done,
 * retry after the vendor's wait, dead with the vendor's words, or a value such as not found), and that
 * an id goes into its own path segment whatever it holds.
 */
class CallResultTest {
    private final WireMockServer vendor = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final ApiClient api;

    CallResultTest() {
        vendor.start();
        api = new ApiClient("acme", vendor.baseUrl(), null, RateLimiter.unlimited(Clock.systemUTC()), new Metrics(),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        vendor.stop();
    }

    private CallResult<ApiResponse> read(String id) {
        return api.exchange("GET", api.url("api", "v2", "tickets", id).build(), null);
    }

    @Test
    void successIsDoneWithTheBody() {
        vendor.stubFor(get(urlPathEqualTo("/api/v2/tickets/1")).willReturn(okJson("{\"ticket\": {\"id\": 1}}")));
        CallResult<ApiResponse> r = read("1");
        assertEquals(1, r.orThrow().body().path("ticket").path("id").asInt());
    }

    @Test
    void notFoundIsAValueAndDeadWhenThrown() {
        vendor.stubFor(get(urlPathEqualTo("/api/v2/tickets/2")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"RecordNotFound\", \"description\": \"Not found\"}")));
        CallResult<ApiResponse> r = read("2");
        CallResult.NotFound<ApiResponse> missing = assertInstanceOf(CallResult.NotFound.class, r);
        assertEquals(404, missing.refusal().status());
        assertEquals("RecordNotFound; Not found", missing.refusal().vendorMessage());
        ApiRejectedException dead = assertThrows(ApiRejectedException.class, r::orThrow);
        assertEquals("acme GET /api/v2/tickets/2 answered 404: RecordNotFound; Not found", dead.getMessage());
    }

    @Test
    void forbiddenIsDeadWithTheVendorsWordsAndBody() {
        vendor.stubFor(get(urlPathEqualTo("/api/v2/tickets/3")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"title\": \"Forbidden\", \"message\": \"You do not have access\"}}")));
        CallResult.Dead<ApiResponse> dead = assertInstanceOf(CallResult.Dead.class, read("3"));
        assertEquals("Forbidden; You do not have access", dead.refusal().vendorMessage());
        assertEquals("Forbidden", dead.refusal().body().path("error").path("title").asText());
    }

    @Test
    void rateLimitRetriesAfterTheVendorsWaitAndPausesTheAccount() {
        vendor.stubFor(get(urlPathEqualTo("/api/v2/tickets/4")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7")));
        CallResult.RetryLater<ApiResponse> retry = assertInstanceOf(CallResult.RetryLater.class, read("4"));
        assertEquals(429, retry.status());
        assertEquals(Duration.ofSeconds(7), retry.retryAfter());
        assertTrue(api.limiter().pausedUntil().isAfter(java.time.Instant.now().plusSeconds(5)));
        ApiRetryableException thrown = assertThrows(ApiRetryableException.class, retry::orThrow);
        assertEquals(Duration.ofSeconds(7), thrown.retryAfter().orElseThrow());
    }

    @Test
    void outageAndBrokenConnectionRetryLater() {
        vendor.stubFor(get(urlPathEqualTo("/api/v2/tickets/5")).willReturn(aResponse().withStatus(503)));
        vendor.stubFor(get(urlPathEqualTo("/api/v2/tickets/6")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertEquals(503, assertInstanceOf(CallResult.RetryLater.class, read("5")).status());
        assertEquals(0, assertInstanceOf(CallResult.RetryLater.class, read("6")).status());
    }

    @Test
    void anIdStaysInItsOwnPathSegment() {
        HttpUrl url = api.url("api", "v2", "tickets", "7/../../users/me?x=1").build();
        assertEquals("/api/v2/tickets/7%2F..%2F..%2Fusers%2Fme%3Fx=1", url.encodedPath());
        assertEquals(4, url.pathSegments().size());
    }

    @Test
    void aLinkToAnotherHostIsNotFollowed() {
        assertThrows(ForeignUrlException.class, () -> api.link("https://elsewhere.test/api/v2/tickets?page=2"));
        assertThrows(ForeignUrlException.class, () -> api.exchange("GET", HttpUrl.get("https://elsewhere.test/x"), null));
        assertEquals(vendor.baseUrl() + "/api/v2/tickets?page=2", api.link(vendor.baseUrl() + "/api/v2/tickets?page=2").toString());
    }
}
