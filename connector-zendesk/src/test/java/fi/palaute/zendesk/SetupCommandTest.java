package fi.palaute.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code setup} against Zendesk's Webhooks and Triggers APIs. */
class SetupCommandTest {
    private static final String WEBHOOK_ID = "01GK8E6BKWMJZD2T8Y5AXJQMG5";
    private static final String SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";

    private final FakeZendesk zendesk = new FakeZendesk();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        zendesk.close();
    }

    private int runSetup(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "PALAUTE_PUBLIC_URL", "https://cx.example.test",
                "ZENDESK_URL", zendesk.url(),
                "ZENDESK_EMAIL", "admin@acme.test",
                "ZENDESK_API_TOKEN", "6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv"));
        env.putAll(extra);
        return Main.setup(new Settings(env), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void signingSecret() {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/webhooks/" + WEBHOOK_ID + "/signing_secret"))
                .willReturn(okJson("{\"signing_secret\": {\"algorithm\": \"SHA256\", \"secret\": \"" + SECRET + "\"}}")));
    }

    @Test
    void freshAccountGetsAWebhookAndASolvedTriggerAndTheSecretToSet() throws Exception {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/webhooks"))
                .willReturn(okJson("{\"webhooks\": [], \"meta\": {\"has_more\": false, \"after_cursor\": null, "
                        + "\"before_cursor\": null}, \"links\": {\"next\": null, \"prev\": null}}")));
        zendesk.server.stubFor(post(urlEqualTo("/api/v2/webhooks")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"webhook\": {\"id\": \"" + WEBHOOK_ID + "\", \"name\": \"Palaute survey\", \"status\": \"active\", "
                        + "\"subscriptions\": [\"conditional_ticket_events\"], \"created_at\": \"2026-03-01T03:31:00Z\", "
                        + "\"created_by\": \"7272236579355\", \"endpoint\": \"https://cx.example.test/webhooks/zendesk\", "
                        + "\"http_method\": \"POST\", \"request_format\": \"json\"}}")));
        zendesk.server.stubFor(get(urlEqualTo("/api/v2/triggers"))
                .willReturn(okJson("{\"triggers\": [], \"next_page\": null, \"previous_page\": null, \"count\": 0}")));
        zendesk.server.stubFor(post(urlEqualTo("/api/v2/triggers")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"trigger\": {\"id\": 10849292971419, \"title\": \"Palaute: send survey when solved\", "
                        + "\"active\": true, \"position\": 10}}")));
        signingSecret();

        assertEquals(0, runSetup(Map.of()), output());

        JsonNode webhook = json.readTree(zendesk.server.findAll(postRequestedFor(urlEqualTo("/api/v2/webhooks")))
                .get(0).getBodyAsString()).path("webhook");
        assertEquals("https://cx.example.test/webhooks/zendesk", webhook.path("endpoint").asText());
        assertEquals("conditional_ticket_events", webhook.path("subscriptions").get(0).asText());
        assertEquals("POST", webhook.path("http_method").asText());
        assertEquals("json", webhook.path("request_format").asText());

        JsonNode trigger = json.readTree(zendesk.server.findAll(postRequestedFor(urlEqualTo("/api/v2/triggers")))
                .get(0).getBodyAsString()).path("trigger");
        JsonNode all = trigger.path("conditions").path("all");
        assertTrue(hasCondition(all, "status", "value", "solved"), all.toString()); // "changed to solved"
        assertTrue(hasCondition(all, "update_type", "is", "Change"), all.toString());
        JsonNode action = trigger.path("actions").get(0);
        assertEquals("notification_webhook", action.path("field").asText());
        assertEquals(WEBHOOK_ID, action.path("value").get(0).asText());
        JsonNode body = json.readTree(action.path("value").get(1).asText());
        assertEquals("{{ticket.id}}", body.path("ticket_id").asText());
        assertEquals("{{ticket.status}}", body.path("status").asText());
        assertEquals("{{ticket.updated_at_with_timestamp}}", body.path("updated_at").asText());

        assertTrue(output().contains("ZENDESK_WEBHOOK_SECRET=" + SECRET), output());
    }

    private static boolean hasCondition(JsonNode conditions, String field, String operator, String value) {
        for (JsonNode c : conditions) {
            if (c.path("field").asText().equals(field) && c.path("operator").asText().equals(operator)
                    && c.path("value").asText().equals(value)) return true;
        }
        return false;
    }

    @Test
    void secondRunUpdatesTheSameWebhookAndTriggerInsteadOfCreatingMore() {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/webhooks"))
                .withQueryParam("filter[name_contains]", equalTo("Palaute survey"))
                .willReturn(okJson("{\"webhooks\": [{\"id\": \"" + WEBHOOK_ID + "\", \"name\": \"Palaute survey\", "
                        + "\"status\": \"active\", \"subscriptions\": [\"conditional_ticket_events\"], "
                        + "\"endpoint\": \"https://old.example.test/webhooks/zendesk\", \"http_method\": \"POST\", "
                        + "\"request_format\": \"json\"}], \"meta\": {\"has_more\": false}, \"links\": {\"next\": null}}")));
        zendesk.server.stubFor(put(urlEqualTo("/api/v2/webhooks/" + WEBHOOK_ID)).willReturn(aResponse().withStatus(204)));
        // Our trigger is on the second page of the account's triggers.
        zendesk.server.stubFor(get(urlEqualTo("/api/v2/triggers")).willReturn(okJson(
                "{\"triggers\": [{\"id\": 1, \"title\": \"Notify requester of new proactive ticket\", \"active\": true}], "
                        + "\"next_page\": \"" + zendesk.url() + "/api/v2/triggers?page=2\", \"count\": 2}")));
        zendesk.server.stubFor(get(urlEqualTo("/api/v2/triggers?page=2")).willReturn(okJson(
                "{\"triggers\": [{\"id\": 77, \"title\": \"Palaute: send survey when solved\", \"active\": true}], "
                        + "\"next_page\": null, \"count\": 2}")));
        zendesk.server.stubFor(put(urlEqualTo("/api/v2/triggers/77"))
                .willReturn(okJson("{\"trigger\": {\"id\": 77, \"title\": \"Palaute: send survey when solved\"}}")));
        signingSecret();

        assertEquals(0, runSetup(Map.of("ZENDESK_WEBHOOK_SECRET", SECRET)), output());

        assertEquals(0, zendesk.server.findAll(postRequestedFor(urlPathEqualTo("/api/v2/webhooks"))).size());
        assertEquals(0, zendesk.server.findAll(postRequestedFor(urlPathEqualTo("/api/v2/triggers"))).size());
        assertTrue(zendesk.server.findAll(putRequestedFor(urlEqualTo("/api/v2/webhooks/" + WEBHOOK_ID))).get(0)
                .getBodyAsString().contains("https://cx.example.test/webhooks/zendesk"));
        assertEquals(1, zendesk.server.findAll(putRequestedFor(urlEqualTo("/api/v2/triggers/77"))).size());
        assertTrue(output().contains("already set"), output());
        assertFalse(output().contains(SECRET), "a secret already in place is not printed again");
    }

    @Test
    void rejectedTokenExitsNonZeroWithZendesksWords() {
        zendesk.server.stubFor(get(urlPathEqualTo("/api/v2/webhooks"))
                .willReturn(FakeZendesk.zendeskError(401, "{\"error\": \"Couldn't authenticate you\"}")));
        assertEquals(1, runSetup(Map.of()));
        assertTrue(output().contains("Couldn't authenticate you"), output());
        assertFalse(output().contains("6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv"));
    }
}
