package fi.palaute.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureVerifierTest {
    // Slack's documented example: https://api.slack.com/authentication/verifying-requests-from-slack
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TIMESTAMP = "1531420618";
    static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignatureVerifier at(long epochSecond) {
        return new SlackSignatureVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void slacksDocumentedExampleVerifies() {
        SlackSignatureVerifier v = at(1531420618L);
        assertEquals(SIGNATURE, v.expectedSignature(TIMESTAMP, BODY));
        assertEquals(SlackSignatureVerifier.Result.OK, v.verify(TIMESTAMP, BODY, SIGNATURE));
    }

    @Test
    void requestWithinFiveMinutesVerifies() {
        assertEquals(SlackSignatureVerifier.Result.OK, at(1531420618L + 299).verify(TIMESTAMP, BODY, SIGNATURE));
    }

    @Test
    void staleTimestampIsRefusedEvenWithAValidSignature() {
        assertEquals(SlackSignatureVerifier.Result.STALE, at(1531420618L + 301).verify(TIMESTAMP, BODY, SIGNATURE));
        assertEquals(SlackSignatureVerifier.Result.STALE, at(1531420618L - 301).verify(TIMESTAMP, BODY, SIGNATURE));
    }

    @Test
    void forgedSignatureIsRefused() {
        SlackSignatureVerifier v = at(1531420618L);
        String forged = SIGNATURE.substring(0, SIGNATURE.length() - 1) + "4";
        assertEquals(SlackSignatureVerifier.Result.MISMATCH, v.verify(TIMESTAMP, BODY, forged));
        assertEquals(SlackSignatureVerifier.Result.MISMATCH, v.verify(TIMESTAMP, BODY.replace("roadrunner", "coyote"), SIGNATURE));
        assertEquals(SlackSignatureVerifier.Result.MISMATCH,
                new SlackSignatureVerifier("another-secret-of-some-length", Clock.fixed(Instant.ofEpochSecond(1531420618L),
                        ZoneOffset.UTC)).verify(TIMESTAMP, BODY, SIGNATURE));
    }

    @Test
    void missingHeadersAreRefused() {
        SlackSignatureVerifier v = at(1531420618L);
        assertEquals(SlackSignatureVerifier.Result.MISSING, v.verify(null, BODY, SIGNATURE));
        assertEquals(SlackSignatureVerifier.Result.MISSING, v.verify(TIMESTAMP, BODY, null));
        assertEquals(SlackSignatureVerifier.Result.MISSING, v.verify("yesterday", BODY, SIGNATURE));
    }
}
