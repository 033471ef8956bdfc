package fi.palaute.freshdesk;

import fi.palaute.common.http.Request;
import fi.palaute.common.webhook.Refusal;
import fi.palaute.common.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks the shared secret a Freshdesk automation rule sends: the password of HTTP Basic auth (the
 * rule's "Requires authentication" option; any user name) or an {@code X-Palaute-Secret} header.
 * Freshdesk does not sign webhooks, so this secret is all that tells its calls from anyone else's.
 */
public final class SharedSecretVerifier implements WebhookVerifier {
    public static final String HEADER = "X-Palaute-Secret";

    private final byte[] expectedDigest;

    public SharedSecretVerifier(String secret) {
        this.expectedDigest = sha256(secret);
    }

    @Override
    public Optional<Refusal> refusal(Request request) {
        if (verify(request)) return Optional.empty();
        return Optional.of(new Refusal(401, "unauthorized", "missing or wrong shared secret: send FRESHDESK_WEBHOOK_SECRET "
                + "as the HTTP Basic password or in the " + HEADER + " header", "secret"));
    }

    public boolean verify(Request request) {
        boolean ok = false;
        Optional<String> header = request.header(HEADER);
        if (header.isPresent()) ok = matches(header.get().trim());
        Optional<String> password = request.header("Authorization").flatMap(SharedSecretVerifier::basicPassword);
        if (password.isPresent()) ok |= matches(password.get());
        return ok;
    }

    /**
     * Compares digests, so the time taken says nothing about how much of the secret was right, nor
     * about its length.
     */
    private boolean matches(String given) {
        return MessageDigest.isEqual(expectedDigest, sha256(given));
    }

    static Optional<String> basicPassword(String authorization) {
        String value = authorization.trim();
        if (value.length() < 6 || !value.substring(0, 6).equalsIgnoreCase("basic ")) return Optional.empty();
        try {
            String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
