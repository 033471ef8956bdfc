package fi.palaute.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The baseline: the JDK's HttpServer with the same backlog and thread pool as Palaute's HttpService,
 * reading the body and answering 202 with a small JSON body, and doing nothing else.
 * {@code java -cp palaute-bench.jar fi.palaute.bench.BareServer PORT}
 */
public final class BareServer {
    private static final byte[] BODY = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);

    private BareServer() {}

    public static HttpServer start(int port) throws IOException {
        // as Palaute's HttpService does: without it Nagle and delayed ACKs add 40 ms to every answer
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 512);
        ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "bare-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            int status = exchange.getRequestURI().getPath().equals("/healthz") ? 200 : 202;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : System.getenv().getOrDefault("PALAUTE_PORT", "8090"));
        start(port);
    }
}
