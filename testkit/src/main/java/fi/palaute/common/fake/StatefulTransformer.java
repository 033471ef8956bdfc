package fi.palaute.common.fake;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * How a fake vendor keeps state between calls: a WireMock transformer that only the stubs naming it use
 * ({@code aResponse().withTransformers(name)}), answering from the fake's own memory of tickets or
 * messages. A request body that is not JSON gets the vendor's own answer to that.
 */
public final class StatefulTransformer implements ResponseDefinitionTransformerV2 {
    /** The fake's answer to one request; an IOException means the body did not parse. */
    @FunctionalInterface
    public interface Respond {
        ResponseDefinition to(ServeEvent event) throws IOException;
    }

    private final String name;
    private final Respond respond;
    private final Supplier<ResponseDefinition> invalidJson;

    public StatefulTransformer(String name, Respond respond, Supplier<ResponseDefinition> invalidJson) {
        this.name = name;
        this.respond = respond;
        this.invalidJson = invalidJson;
    }

    /**
     * A JSON answer that keeps what the stub set beside the body, such as a delay: the stub decides how
     * slow, the fake decides what.
     */
    public static ResponseDefinition json(ServeEvent event, int status, String body) {
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body).build();
    }

    /** The request's path without its query. */
    public static String path(ServeEvent event) {
        return event.getRequest().getUrl().split("\\?")[0];
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            return respond.to(event);
        } catch (IOException notJson) {
            return invalidJson.get();
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return name;
    }
}
