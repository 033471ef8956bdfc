package fi.palaute.common.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An A/B test of the survey (PALAUTE_EXPERIMENTS): from {@code start} until {@code end} (open-ended when
 * empty) each surveyed requester is assigned one arm. The comparison is of the second arm against the first.
 */
public record Experiment(String id, Instant start, Optional<Instant> end, List<Arm> arms) {
    public Experiment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        arms = List.copyOf(arms);
        if (arms.size() < 2) throw new IllegalArgumentException("an experiment needs at least two arms");
        if (end.isPresent() && !end.get().isAfter(start)) throw new IllegalArgumentException("end must be after start");
    }

    public ExperimentState state(Instant now) {
        if (now.isBefore(start)) return ExperimentState.SCHEDULED;
        if (end.isPresent() && !now.isBefore(end.get())) return ExperimentState.ENDED;
        return ExperimentState.RUNNING;
    }

    public boolean isRunningAt(Instant at) {
        return state(at) == ExperimentState.RUNNING;
    }

    /** Whether the two time windows share an instant ([start, end), an open end reaching forever). */
    public boolean overlaps(Experiment other) {
        boolean thisStartsBeforeOtherEnds = other.end.map(start::isBefore).orElse(true);
        boolean otherStartsBeforeThisEnds = end.map(other.start::isBefore).orElse(true);
        return thisStartsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    public Arm first() {
        return arms.get(0);
    }

    public Arm second() {
        return arms.get(1);
    }

    public Optional<Arm> arm(String armId) {
        return arms.stream().filter(a -> a.id().equals(armId)).findFirst();
    }

    /**
     * The arm of a requester: a SHA-256 hash of (experiment id, requester) read as a number in [0, 1) and
     * placed on the arms' cumulative weights. The same requester always lands in the same arm of this
     * experiment, whichever instance decides and however often, and another experiment reshuffles.
     *
     * @param requester identifies the requester across tickets, e.g. {@code zendesk:9001}
     */
    public Arm armFor(String requester) {
        double total = arms.stream().mapToDouble(Arm::weight).sum();
        double point = unitHash(id + '\u0000' + requester) * total;
        double cumulative = 0;
        for (Arm arm : arms) {
            cumulative += arm.weight();
            if (point < cumulative) return arm;
        }
        return arms.get(arms.size() - 1);
    }

    /** A stable number in [0, 1) from the first 53 bits of the key's SHA-256. */
    static double unitHash(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
            return (v >>> 11) / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
