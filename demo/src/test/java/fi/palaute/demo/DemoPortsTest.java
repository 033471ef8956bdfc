package fi.palaute.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What the demo says at start and where it listens: --port-base moves all six ports, everything is on
 * 127.0.0.1 and nothing answers on the machine's other addresses, and the first lines name the services,
 * the stand-ins, the dashboard and the admin token.
 */
class DemoPortsTest {

    @Test
    void portBaseMovesEveryPortAndTheStartLinesSayWhere() throws Exception {
        int base = freeBase();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (Demo demo = new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8),
                new DemoOptions(true, OptionalInt.of(base)))) {
            demo.start();
            List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
            assertTrue(lines.contains("Everything listens on 127.0.0.1 only; nothing leaves this machine."), lines.toString());
            assertTrue(lines.contains("zendesk connector    http://127.0.0.1:" + base), lines.toString());
            assertTrue(lines.contains("freshdesk connector  http://127.0.0.1:" + (base + 1)), lines.toString());
            assertTrue(lines.contains("slack connector      http://127.0.0.1:" + (base + 2)), lines.toString());
            assertTrue(lines.contains("Zendesk stand-in     http://127.0.0.1:" + (base + 3)), lines.toString());
            assertTrue(lines.contains("Freshdesk stand-in   http://127.0.0.1:" + (base + 4)), lines.toString());
            assertTrue(lines.contains("Slack stand-in       http://127.0.0.1:" + (base + 5) + "/api"), lines.toString());
            assertTrue(lines.contains("dashboard            http://127.0.0.1:" + base + "/dashboard"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("admin token          demo-admin-token-")), lines.toString());

            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + (base + i) + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), "connector on " + (base + i));
            }
            for (int i = 0; i < DemoOptions.PORTS; i++) assertTrue(answers("127.0.0.1", base + i), "port " + (base + i));
            Optional<String> other = nonLoopbackAddress();
            if (other.isPresent()) {
                for (int i = 0; i < DemoOptions.PORTS; i++) {
                    assertTrue(!answers(other.get(), base + i), "port " + (base + i) + " answers on " + other.get());
                }
            }
        }
    }

    @Test
    void aTakenPortIsRefusedNamingIt() throws Exception {
        int base = freeBase();
        try (ServerSocket taken = new ServerSocket(base + 4, 50, InetAddress.getByName("127.0.0.1"));
             Demo demo = new Demo(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                     new DemoOptions(true, OptionalInt.of(base)))) {
            Demo.PortTakenException e = assertThrows(Demo.PortTakenException.class, demo::start);
            assertEquals("port " + (base + 4) + " on 127.0.0.1 is in use (--port-base " + base + " takes " + base + "-"
                    + (base + 5) + "); choose another base", e.getMessage());
        }
    }

    @Test
    void portBaseArgumentIsParsedAndCheckedInOneLine() {
        assertEquals(new DemoOptions(false, OptionalInt.of(9100)), DemoOptions.parse(List.of("--port-base", "9100")));
        assertEquals(new DemoOptions(true, OptionalInt.of(9100)), DemoOptions.parse(List.of("--once", "--port-base=9100")));
        assertEquals(DemoOptions.defaults(), DemoOptions.parse(List.of()));
        for (List<String> bad : List.of(List.of("--port-base"), List.of("--port-base", "http"),
                List.of("--port-base", "80"), List.of("--port-base", "65531"))) {
            var e = assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(bad), bad.toString());
            assertEquals("--port-base must be a port number 1024-65530 (the demo takes it and the next 5)", e.getMessage());
        }
        assertEquals("unknown argument '--prot-base' (try --help)",
                assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(List.of("--prot-base", "1"))).getMessage());
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** This machine's first IPv4 address that is not loopback, when it has one. */
    private static Optional<String> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) return Optional.of(a.getHostAddress());
            }
        }
        return Optional.empty();
    }

    /** Six consecutive ports free right now, in a range other tests' fixed ports do not use. */
    private static int freeBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20000, 40000);
            boolean free = true;
            for (int i = 0; i < DemoOptions.PORTS && free; i++) {
                try (ServerSocket s = new ServerSocket(base + i, 50, InetAddress.getByName("127.0.0.1"))) {
                    // free
                } catch (IOException busy) {
                    free = false;
                }
            }
            if (free) return base;
        }
        throw new IOException("no six free ports in a row");
    }
}
