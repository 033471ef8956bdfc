package fi.palaute.common.survey;

import fi.palaute.common.store.Tx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a solved ticket gets a survey: excluded tags, agents asking themselves, the
 * per-requester cooldown and the sample rate. Sampling hashes the ticket and cycle, so a retried job
 * makes the same decision.
 */
public final class SurveyPolicy {
    private final SurveyStore surveys;
    private final List<String> excludeTags;
    private final Duration cooldown;
    private final double sampleRate;

    /** @param surveys where the cooldown looks for the requester's recent surveys */
    public SurveyPolicy(SurveyStore surveys, List<String> excludeTags, Duration cooldown, double sampleRate) {
        this.surveys = surveys;
        this.excludeTags = excludeTags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        this.cooldown = cooldown;
        this.sampleRate = sampleRate;
    }

    /** The reason not to survey this ticket now, or empty to go ahead. */
    public Optional<String> suppression(Tx tx, String source, TicketSnapshot ticket, String cycleKey, Instant now) {
        for (String tag : ticket.tags()) {
            if (excludeTags.contains(tag.toLowerCase(Locale.ROOT))) return Optional.of("excluded_tag: " + tag);
        }
        Requester r = ticket.requester();
        if (r == null || r.email() == null || r.email().isBlank()) return Optional.of("no_requester_email");
        if (r.agent()) return Optional.of("requester_is_agent");
        if (!cooldown.isZero() && r.id() != null) {
            long recent = surveys.countRecentForRequester(tx, source, r.id(), now.minus(cooldown), ticket.ticketId(),
                    cycleKey);
            if (recent > 0) return Optional.of("cooldown");
        }
        if (sampleRate < 1.0 && sample(source + ":" + ticket.ticketId() + ":" + cycleKey) >= sampleRate) {
            return Optional.of("not_sampled");
        }
        return Optional.empty();
    }

    /** A stable number in [0, 1) for a key. */
    static double sample(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 7; i++) v = (v << 8) | (h[i] & 0xff);
            return v / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
