package fi.palaute.common.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkSignerTest {
    private final LinkSigner signer = new LinkSigner("a-test-link-secret-that-is-long-enough-0123");

    @Test
    void tokenNamesItsSurvey() {
        assertEquals(12345L, signer.verify(signer.token(12345)).getAsLong());
    }

    @Test
    void tokensOfNeighbouringSurveysShareNothingGuessable() {
        String a = signer.token(1000);
        String b = signer.token(1001);
        assertNotEquals(a.substring(11), b.substring(11));
        assertEquals(32, a.length());
    }

    @Test
    void everySingleCharacterChangeIsRejected() {
        String token = signer.token(77);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            for (char c : new char[] {alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % 64)}) {
                String altered = token.substring(0, i) + c + token.substring(i + 1);
                assertTrue(signer.verify(altered).isEmpty(), "position " + i);
            }
        }
    }

    @Test
    void tokenFromAnotherSecretIsRejected() {
        LinkSigner other = new LinkSigner("another-secret-that-is-also-long-enough-xx");
        assertTrue(signer.verify(other.token(5)).isEmpty());
    }

    @Test
    void nonceIsBoundToItsSurvey() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String nonce = signer.nonce(5, t);
        assertEquals(t, signer.verifyNonce(5, nonce).orElseThrow());
        assertTrue(signer.verifyNonce(6, nonce).isEmpty());
        assertTrue(signer.verifyNonce(5, null).isEmpty());
    }

    @Test
    void shortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LinkSigner("short"));
    }
}
