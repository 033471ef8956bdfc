package fi.palaute.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback HTTP server under the benchmarks' vendor stand-ins: the JDK's server on 127.0.0.1 and a
 * free port, eight daemon threads (the connectors' workers call it in parallel), JSON answers. The
 * stand-in supplies only what the vendor answers.
 */
final class JsonStandIn implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;

    private JsonStandIn(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    static JsonStandIn start(String threadName, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", handler);
        server.start();
        return new JsonStandIn(server, pool);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
