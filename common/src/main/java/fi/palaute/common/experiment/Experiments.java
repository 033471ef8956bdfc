package fi.palaute.common.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The experiments of PALAUTE_EXPERIMENTS, validated: their windows do not overlap, so at most one runs at a time. */
public record Experiments(List<Experiment> all) {
    public static final Experiments NONE = new Experiments(List.of());

    public Experiments {
        all = List.copyOf(all);
    }

    /** The experiment running at {@code at}, if any. */
    public Optional<Experiment> runningAt(Instant at) {
        return all.stream().filter(e -> e.isRunningAt(at)).findFirst();
    }

    /**
     * The shortest send delay any arm of an experiment that has not ended asks for, or {@code otherwise}:
     * survey jobs are scheduled this early and wait on for an arm with a longer delay.
     */
    public Duration shortestSendDelay(Duration otherwise, Instant now) {
        Duration shortest = otherwise;
        for (Experiment e : all) {
            if (e.state(now) == ExperimentState.ENDED) continue;
            for (Arm arm : e.arms()) {
                Duration d = arm.sendDelay().orElse(otherwise);
                if (d.compareTo(shortest) < 0) shortest = d;
            }
        }
        return shortest;
    }
}
