package fi.palaute.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServiceTest {
    private HttpService service;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        service = HttpService.builder().port(0).host("127.0.0.1").maxBody(1024)
                .post("/echo/{id}", r -> Response.json(200, Map.of("id", r.pathParam("id"), "bytes", r.body().length)))
                .get("/boom", r -> {
                    throw new IllegalStateException("secret internals at fi.palaute.Something.line(42)");
                })
                .get("/refuse", r -> {
                    throw new HttpError(422, "bad_thing", "the thing is bad");
                })
                .get("/page", r -> Response.html(200, "<!doctype html><title>t</title>"))
                .post("/go", r -> Response.seeOther("/landing")
                        .withCookie(Cookie.of("session", "abc", "/").withMaxAge(java.time.Duration.ofSeconds(60))))
                .get("/stream", r -> Response.stream(200, "text/plain", out -> {
                    byte[] line = "line\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    for (int i = 0; i < 100_000; i++) out.write(line);
                }))
                .health(() -> true).metricsEndpoint()
                .build().start();
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path));
    }

    @Test
    void routeWithPathParameterAnswers() throws Exception {
        var r = send(at("/echo/abc").POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertEquals(200, r.statusCode());
        assertEquals("{\"id\":\"abc\",\"bytes\":5}".length(), r.body().length());
        assertTrue(r.body().contains("\"id\":\"abc\""));
    }

    @Test
    void bodyOverTheLimitGets413WithJsonError() throws Exception {
        var r = send(at("/echo/x").POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))));
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"body_too_large\""), r.body());
    }

    @Test
    void unknownPathGets404AndWrongMethod405AsJson() throws Exception {
        var r = send(at("/nope").GET());
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(405, send(at("/echo/x").GET()).statusCode());
    }

    @Test
    void failingHandlerAnswers500WithoutAStackTrace() throws Exception {
        var r = send(at("/boom").GET());
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"internal_error\""));
        assertFalse(r.body().contains("fi.palaute"), r.body());
        assertFalse(r.body().contains("secret internals"));
    }

    @Test
    void handlerErrorKeepsItsStatusAndDetail() throws Exception {
        var r = send(at("/refuse").GET());
        assertEquals(422, r.statusCode());
        assertEquals("{\"error\":\"bad_thing\",\"detail\":\"the thing is bad\"}", r.body());
    }

    @Test
    void healthAndMetricsAreServed() throws Exception {
        assertEquals(200, send(at("/healthz").GET()).statusCode());
        send(at("/refuse").GET());
        var m = send(at("/metrics").GET());
        assertEquals(200, m.statusCode());
        assertTrue(m.body().contains("palaute_http_requests_total{route=\"GET /refuse\",status=\"422\"} 1"), m.body());
    }

    @Test
    void stopDoesNotWaitForIdleKeptAliveConnections() throws Exception {
        assertEquals(200, send(at("/healthz").GET()).statusCode());
        long t0 = System.nanoTime();
        service.stop(10);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 2000, "stop took " + millis + " ms");
    }

    @Test
    void everyAnswerIsUncacheableAndUnsniffableAndHtmlGetsOnePolicy() throws Exception {
        var json = send(at("/refuse").GET());
        assertEquals("no-store", json.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("nosniff", json.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(json.headers().allValues("Content-Security-Policy").isEmpty());
        var html = send(at("/page").GET());
        assertEquals(1, html.headers().allValues("Content-Security-Policy").size(), html.headers().toString());
        assertTrue(html.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        assertEquals("nosniff", html.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void redirectsCookiesAndStreamedBodiesReachTheClient() throws Exception {
        var redirect = send(at("/go").POST(HttpRequest.BodyPublishers.ofString("a=1")));
        assertEquals(303, redirect.statusCode());
        assertEquals("/landing", redirect.headers().firstValue("Location").orElse(null));
        assertEquals("session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax",
                redirect.headers().firstValue("Set-Cookie").orElse(null));
        var streamed = send(at("/stream").GET());
        assertEquals(200, streamed.statusCode());
        assertEquals(100_000 * 5, streamed.body().length());
        assertTrue(streamed.body().startsWith("line\nline\n"));
    }

    @Test
    void controlCharactersInAPathNeverReachTheLogRaw() {
        assertEquals("/r/a\\r\\nINFO forged", LogText.escape("/r/a\r\nINFO forged"));
        assertEquals("GET /x\\u001b[31m", LogText.escape("GET /x\u001b[31m"));
        assertEquals("a\\nb\\rc", LogText.escape("a\nb\rc"));
    }

    @Test
    void metricsWantTheTokenWhenOneIsSet() throws Exception {
        HttpService guarded = HttpService.builder().port(0).host("127.0.0.1")
                .metricsEndpoint(java.util.Optional.of("metrics-token-0123456789")).build().start();
        try {
            String url = "http://127.0.0.1:" + guarded.port() + "/metrics";
            var open = send(HttpRequest.newBuilder(URI.create(url)).GET());
            assertEquals(401, open.statusCode());
            assertTrue(open.body().contains("PALAUTE_METRICS_TOKEN"), open.body());
            var wrong = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer nope").GET());
            assertEquals(401, wrong.statusCode());
            var right = send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer metrics-token-0123456789").GET());
            assertEquals(200, right.statusCode());
        } finally {
            guarded.stop(0);
        }
    }

    /**
     * A client may send the headers and the body in separate packets. When the answer (here a 404, which
     * needs no body) leaves before the body has arrived, the connection must either say it closes or
     * stay usable: a kept-alive connection the server then drops silently makes the client's next request
     * on it fail with no answer at all.
     */
    @Test
    void answerSentBeforeTheBodyArrivedNeverLeavesADeadKeptAliveConnection() throws Exception {
        for (String path : new String[] {"/nowhere", "/page"}) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.port())) {
                socket.setSoTimeout(5_000);
                var out = socket.getOutputStream();
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
                out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.flush();
                String status = in.readLine();
                assertTrue(status.startsWith("HTTP/1.1 4"), path + ": " + status);
                boolean closes = false;
                int length = 0;
                for (String h = in.readLine(); !h.isEmpty(); h = in.readLine()) {
                    if (h.equalsIgnoreCase("Connection: close")) closes = true;
                    if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(h.substring(15).strip());
                    }
                }
                for (int i = 0; i < length; i++) in.read();
                if (closes) continue;
                out.write("hello".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.flush();
                String next = in.readLine();
                assertTrue(next != null && next.startsWith("HTTP/1.1 200"),
                        path + ": the connection was kept alive without saying so, then the next request got " + next);
            }
        }
    }

    /**
     * Jetty refuses some requests itself (here a NUL in the path) and then closes the connection;
     * the answer must say so, or a client keeping the connection loses its next request on it.
     */
    @Test
    void requestRefusedBeforeRoutingSaysTheConnectionCloses() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(5_000);
            var out = socket.getOutputStream();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            out.write(("POST /echo/a%00b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            String status = in.readLine();
            java.util.List<String> headers = new java.util.ArrayList<>();
            for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) headers.add(h);
            assertTrue(status.startsWith("HTTP/1.1 4"), status);
            if (headers.stream().noneMatch(h -> h.equalsIgnoreCase("Connection: close"))) {
                int length = headers.stream().filter(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                        .mapToInt(h -> Integer.parseInt(h.substring(15).strip())).findFirst().orElse(0);
                for (int i = 0; i < length; i++) in.read();
                out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.flush();
                String next = in.readLine();
                assertTrue(next != null && next.startsWith("HTTP/1.1 200"), "kept alive without saying so; next: " + next);
            }
        }
    }
}
