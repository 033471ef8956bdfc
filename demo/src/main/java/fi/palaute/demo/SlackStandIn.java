package fi.palaute.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Slack's Web API on loopback: chat.postMessage, chat.update, chat.postEphemeral and views.open answer as
 * Slack documents them, and it keeps what it got.
 */
final class SlackStandIn implements AutoCloseable {
    private final WireMockServer server;
    private final ObjectMapper json = new ObjectMapper();

    /** On 127.0.0.1 at {@code port}, or a free one for 0. */
    SlackStandIn(int port) {
        server = new WireMockServer(options().port(port).bindAddress(Demo.LOOPBACK));
        server.start();
        server.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"ok\": true, \"channel\": \"C0DEMO\", \"ts\": \"1767225600.000100\", "
                        + "\"message\": {\"type\": \"message\", \"subtype\": \"bot_message\", \"text\": \"\"}}")));
        ok("chat.update", "{\"ok\": true, \"channel\": \"C0ALERTS\", \"ts\": \"1767225600.000100\", \"text\": \"\"}");
        ok("chat.postEphemeral", "{\"ok\": true, \"message_ts\": \"1767225601.000200\"}");
        ok("views.open", "{\"ok\": true, \"view\": {\"id\": \"V0DEMO\", \"type\": \"modal\", "
                + "\"callback_id\": \"followup_outcome\"}}");
    }

    private void ok(String method, String body) {
        server.stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
    }

    /** The bodies Slack got for one Web API method, oldest first. */
    List<JsonNode> calls(String method) {
        List<JsonNode> out = new ArrayList<>();
        for (var r : server.findAll(postRequestedFor(urlEqualTo("/api/" + method)))) {
            try {
                out.add(json.readTree(r.getBodyAsString()));
            } catch (IOException e) {
                throw new IllegalStateException("the Slack stand-in got a body that is not JSON", e);
            }
        }
        return out;
    }

    String apiUrl() {
        return "http://" + Demo.LOOPBACK + ":" + server.port() + "/api";
    }

    /** Messages posted so far, oldest first. */
    List<JsonNode> messages() {
        List<JsonNode> out = new ArrayList<>();
        for (var r : server.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")))) {
            try {
                out.add(json.readTree(r.getBodyAsString()));
            } catch (IOException e) {
                throw new IllegalStateException("the Slack stand-in got a body that is not JSON", e);
            }
        }
        return out;
    }

    List<JsonNode> messagesTo(String channel) {
        return messages().stream().filter(m -> channel.equals(m.path("channel").asText())).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
