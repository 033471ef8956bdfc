package fi.palaute.common.link;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies rating-link tokens and per-render form nonces with HMAC-SHA256 over
 * PALAUTE_LINK_SECRET. A token is the survey id and a 128-bit MAC: unguessable without the secret,
 * and any change to it fails verification.
 */
public final class LinkSigner {
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    public LinkSigner(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("link secret must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String token(long surveyId) {
        byte[] id = ByteBuffer.allocate(8).putLong(surveyId).array();
        byte[] out = ByteBuffer.allocate(8 + MAC_BYTES).put(id).put(mac("rating", id), 0, MAC_BYTES).array();
        return B64.encodeToString(out);
    }

    /** The survey id of a genuine token; empty for anything forged, altered or malformed. */
    public OptionalLong verify(String token) {
        if (token == null || token.length() != 32) return OptionalLong.empty();
        byte[] raw;
        try {
            raw = B64D.decode(token);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        if (raw.length != 8 + MAC_BYTES) return OptionalLong.empty();
        byte[] id = java.util.Arrays.copyOfRange(raw, 0, 8);
        byte[] given = java.util.Arrays.copyOfRange(raw, 8, raw.length);
        byte[] expected = java.util.Arrays.copyOf(mac("rating", id), MAC_BYTES);
        if (!MessageDigest.isEqual(given, expected)) return OptionalLong.empty();
        // The canonical encoding must match too, so two spellings of one token cannot exist.
        if (!B64.encodeToString(raw).equals(token)) return OptionalLong.empty();
        return OptionalLong.of(ByteBuffer.wrap(id).getLong());
    }

    /**
     * A nonce for one rendering of the rating form of one survey: its issue time, a random render id
     * (two renders in the same millisecond still differ, so each form records once) and a MAC.
     */
    public String nonce(long surveyId, Instant issuedAt) {
        long t = issuedAt.toEpochMilli();
        long render = random.nextLong();
        byte[] msg = ByteBuffer.allocate(24).putLong(surveyId).putLong(t).putLong(render).array();
        byte[] out = ByteBuffer.allocate(16 + MAC_BYTES).putLong(t).putLong(render).put(mac("nonce", msg), 0, MAC_BYTES)
                .array();
        return B64.encodeToString(out);
    }

    /**
     * The issue time of a nonce made for this survey; empty when it belongs to another survey or was
     * altered. Nonces of the earlier format (no render id) from forms opened before an upgrade still verify.
     */
    public java.util.Optional<Instant> verifyNonce(long surveyId, String nonce) {
        if (nonce == null || (nonce.length() != 32 && nonce.length() != 43)) return java.util.Optional.empty();
        byte[] raw;
        try {
            raw = B64D.decode(nonce);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        boolean withRender = raw.length == 16 + MAC_BYTES;
        if (!withRender && raw.length != 8 + MAC_BYTES) return java.util.Optional.empty();
        ByteBuffer in = ByteBuffer.wrap(raw);
        long t = in.getLong();
        ByteBuffer msg = ByteBuffer.allocate(withRender ? 24 : 16).putLong(surveyId).putLong(t);
        if (withRender) msg.putLong(in.getLong());
        byte[] expected = java.util.Arrays.copyOf(mac("nonce", msg.array()), MAC_BYTES);
        byte[] given = java.util.Arrays.copyOfRange(raw, raw.length - MAC_BYTES, raw.length);
        if (!MessageDigest.isEqual(given, expected)) return java.util.Optional.empty();
        if (!B64.encodeToString(raw).equals(nonce)) return java.util.Optional.empty();
        return java.util.Optional.of(Instant.ofEpochMilli(t));
    }

    private byte[] mac(String purpose, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
