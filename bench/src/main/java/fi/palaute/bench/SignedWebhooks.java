package fi.palaute.bench;

import fi.palaute.zendesk.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Unique, signed Zendesk trigger bodies: one new ticket per request, as Zendesk's trigger sends them. */
final class SignedWebhooks implements LoadGen.Requests {
    static final String SECRET = "YmVuY2htYXJrLXdlYmhvb2stc2VjcmV0LTAxMjM0NTY3";
    static final String PATH = "/webhooks/zendesk";

    private final AtomicLong ticket;
    private final String host;
    private final WebhookSignature signer = new WebhookSignature(SECRET, Clock.systemUTC());
    private final String solvedAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();

    SignedWebhooks(long firstTicket, String host) {
        this.ticket = new AtomicLong(firstTicket);
        this.host = host;
    }

    long nextTicket() {
        return ticket.get();
    }

    @Override
    public byte[] next() {
        long id = ticket.getAndIncrement();
        byte[] body = ("{\"ticket_id\": " + id + ", \"status\": \"solved\", \"updated_at\": \"" + solvedAt + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(WebhookSignature.TIMESTAMP_HEADER, ts);
        headers.put(WebhookSignature.SIGNATURE_HEADER, signer.sign(ts, body));
        return LoadGen.request("POST", PATH, host, headers, body);
    }
}
