package fi.palaute.slack;

import fi.palaute.common.http.Handler;
import fi.palaute.common.http.Request;
import fi.palaute.common.http.Response;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Slack's request signature: {@code v0=} + hex(HMAC-SHA256(signing secret, {@code v0:timestamp:body})).
 * A timestamp more than five minutes from now is refused, so a captured request cannot be replayed.
 * The comparison is constant-time, so the signature cannot be guessed byte by byte from response times.
 */
public final class SlackSignatureVerifier {
    private static final Logger log = LoggerFactory.getLogger(SlackSignatureVerifier.class);
    /** The headers Slack signs every request with. */
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";

    /** Slack's documented replay window. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Clock clock;

    public SlackSignatureVerifier(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Why a request was refused, or OK. */
    public enum Result { OK, MISSING, STALE, MISMATCH }

    /** Checks a request to one of Slack's endpoints (commands, interactions, events) over its raw body. */
    public Result verify(Request request) {
        return verify(request.header(TIMESTAMP_HEADER).orElse(null), request.bodyText(),
                request.header(SIGNATURE_HEADER).orElse(null));
    }

    /**
     * The handler behind this signature check, the one way every Slack endpoint (slash command,
     * interactions, events) is guarded: a request that fails it gets the 401 and a log line naming
     * {@code what} and why; only a signed one reaches {@code handler}.
     */
    public Handler signed(String what, Handler handler) {
        return request -> {
            Result check = verify(request);
            if (check != Result.OK) {
                log.warn("{} refused: signature {}", what, check.name().toLowerCase(Locale.ROOT));
                return refusal(check);
            }
            return handler.handle(request);
        };
    }

    /** The 401 a refused request gets, saying why without echoing anything it sent. */
    public static Response refusal(Result result) {
        return Response.error(401, "invalid_signature", switch (result) {
            case MISSING -> SIGNATURE_HEADER + " and " + TIMESTAMP_HEADER + " are required";
            case STALE -> "the request timestamp is more than 5 minutes from now";
            default -> "the signature does not match the body";
        });
    }

    public Result verify(String timestamp, String rawBody, String signature) {
        if (timestamp == null || signature == null || rawBody == null) return Result.MISSING;
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Result.MISSING;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > MAX_AGE.toSeconds()) return Result.STALE;
        byte[] expected = expectedSignature(timestamp.trim(), rawBody).getBytes(StandardCharsets.UTF_8);
        byte[] given = signature.trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) ? Result.OK : Result.MISMATCH;
    }

    /** The signature Slack would send for this timestamp and body (also used by tests to sign requests). */
    public String expectedSignature(String timestamp, String rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + rawBody).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
