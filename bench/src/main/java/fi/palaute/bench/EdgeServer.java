package fi.palaute.bench;

import fi.palaute.common.app.Logging;
import fi.palaute.common.http.HttpService;
import fi.palaute.common.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The connectors' edge alone: HttpService (Jetty 12 behind the routing kit, with the services' limits,
 * body reader, worker hand-off, standard headers, metrics and one log line per request) answering the
 * webhook path with 202 and doing nothing else. Between the bare server and the connector it shows
 * what the edge costs and what the work behind it (signature, parsing, the commit) costs.
 * {@code java -cp palaute-bench.jar fi.palaute.bench.EdgeServer PORT}, PALAUTE_LOG_LEVEL as for a service.
 */
public final class EdgeServer {
    private static final byte[] BODY = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);

    private EdgeServer() {}

    public static void main(String[] args) throws Exception {
        Logging.configure(System.getenv());
        int port = Integer.parseInt(args.length > 0 ? args[0] : System.getenv().getOrDefault("PALAUTE_PORT", "8090"));
        HttpService.builder().port(port).host("127.0.0.1")
                .post("/webhooks/zendesk", r -> Response.of(202, "application/json", BODY, Map.of()))
                .health(() -> true)
                .build().start();
        Thread.currentThread().join();
    }
}
