package fi.palaute.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
    private static final String TIMESTAMP = "2021-03-25T05:09:27Z";
    private static final byte[] BODY = "{\"event\":\"ticket.updated\",\"id\":123}".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "S/RDdU2ERmj7LHDDoWJ2onPYH+t7/f2+LTM4dL7UiLM=";

    private static WebhookSignature at(String now) {
        return new WebhookSignature(SECRET, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    @Test
    void signsTheDocumentedTestVectorWithTheSecretAsWrittenNotDecoded() {
        assertEquals(EXPECTED, at(TIMESTAMP).sign(TIMESTAMP, BODY));
    }

    @Test
    void acceptsTheTestVectorWithinFiveMinutesOfItsTimestamp() {
        assertTrue(at("2021-03-25T05:13:00Z").problem(TIMESTAMP, EXPECTED, BODY).isEmpty());
        assertTrue(at("2021-03-25T05:05:00Z").problem(TIMESTAMP, EXPECTED, BODY).isEmpty());
    }

    @Test
    void refusesAnAlteredBodyOrTimestamp() {
        byte[] altered = "{\"event\":\"ticket.updated\",\"id\":124}".getBytes(StandardCharsets.UTF_8);
        assertEquals("signature does not match", at(TIMESTAMP).problem(TIMESTAMP, EXPECTED, altered).orElseThrow());
        assertEquals("signature does not match",
                at(TIMESTAMP).problem("2021-03-25T05:09:28Z", EXPECTED, BODY).orElseThrow());
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesAwayAsAReplay() {
        assertTrue(at("2021-03-25T05:14:28Z").problem(TIMESTAMP, EXPECTED, BODY).orElseThrow().contains("5 minutes"));
        assertTrue(at("2021-03-25T05:04:26Z").problem(TIMESTAMP, EXPECTED, BODY).orElseThrow().contains("5 minutes"));
    }

    @Test
    void refusesMissingHeadersNamingThem() {
        assertTrue(at(TIMESTAMP).problem(TIMESTAMP, null, BODY).orElseThrow().contains(WebhookSignature.SIGNATURE_HEADER));
        assertTrue(at(TIMESTAMP).problem(null, EXPECTED, BODY).orElseThrow().contains(WebhookSignature.TIMESTAMP_HEADER));
        assertTrue(at(TIMESTAMP).problem("yesterday", EXPECTED, BODY).orElseThrow().contains("ISO-8601"));
    }
}
