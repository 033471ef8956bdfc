package fi.palaute.zendesk;

import fi.palaute.common.http.Request;
import fi.palaute.common.webhook.Refusal;
import fi.palaute.common.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Zendesk's webhook signature: {@code X-Zendesk-Webhook-Signature} is
 * base64(HMAC-SHA256(key = the signing secret's UTF-8 bytes, message = the
 * {@code X-Zendesk-Webhook-Signature-Timestamp} value followed by the raw body)). The secret is used
 * as written, not base64-decoded, although it looks like base64. A timestamp more than five minutes
 * from now is refused, so a captured request cannot be replayed later.
 */
public final class WebhookSignature implements WebhookVerifier {
    public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final byte[] key;
    private final Clock clock;

    public WebhookSignature(String secret, Clock clock) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The signature Zendesk would send for this timestamp and body. */
    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public Optional<Refusal> refusal(Request request) {
        return problem(request.header(TIMESTAMP_HEADER).orElse(null), request.header(SIGNATURE_HEADER).orElse(null),
                request.body()).map(problem -> new Refusal(401, "invalid_signature", problem, "signature"));
    }

    /** Why the request is not from Zendesk, or empty when it is. The reason is safe to send back. */
    public Optional<String> problem(String timestamp, String signature, byte[] body) {
        if (signature == null || signature.isBlank()) return Optional.of("missing " + SIGNATURE_HEADER + " header");
        if (timestamp == null || timestamp.isBlank()) return Optional.of("missing " + TIMESTAMP_HEADER + " header");
        Instant at;
        try {
            at = OffsetDateTime.parse(timestamp.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.of(TIMESTAMP_HEADER + " is not an ISO-8601 time");
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            return Optional.of(TIMESTAMP_HEADER + " is more than 5 minutes from now (replayed, or the clock is off)");
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) return Optional.of("signature does not match");
        return Optional.empty();
    }
}
