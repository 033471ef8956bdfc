package fi.palaute.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The baseline: Jetty 12, the server Palaute's HttpService runs on, with its defaults and TCP_NODELAY,
 * reading the body and answering 202 with a small JSON body, and doing nothing else.
 * {@code java -cp palaute-bench.jar fi.palaute.bench.BareServer PORT}
 */
public final class BareServer {
    private static final byte[] BODY = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);

    private BareServer() {}

    public static Server start(int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setPort(port);
        connector.setAcceptQueueSize(512);
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                int status = "/healthz".equals(Request.getPathInContext(request)) ? 200 : 202;
                Content.Source.consumeAll(request, Callback.from(() -> {
                    response.setStatus(status);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    response.write(true, ByteBuffer.wrap(BODY), callback);
                }, callback::failed));
                return true;
            }
        });
        server.start();
        return server;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : System.getenv().getOrDefault("PALAUTE_PORT", "8090"));
        start(port).join();
    }
}
