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

/** Slack's Web API on loopback: chat.postMessage answers as Slack documents it, and keeps what it got. */
final class SlackStandIn implements AutoCloseable {
    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final ObjectMapper json = new ObjectMapper();

    SlackStandIn() {
        server.start();
        server.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"ok\": true, \"channel\": \"C0DEMO\", \"ts\": \"1767225600.000100\", "
                        + "\"message\": {\"type\": \"message\", \"subtype\": \"bot_message\", \"text\": \"\"}}")));
    }

    String apiUrl() {
        return server.baseUrl() + "/api";
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
