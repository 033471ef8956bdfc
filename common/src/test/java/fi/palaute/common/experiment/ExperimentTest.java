package fi.palaute.common.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.score.Metric;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExperimentTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    private static Experiment experiment(String id, double controlWeight, double shortWeight) {
        return new Experiment(id, START, Optional.empty(), List.of(
                new Arm("control", "csat", Metric.CSAT, Optional.empty(), controlWeight),
                new Arm("short", "csat_short", Metric.CSAT, Optional.empty(), shortWeight)));
    }

    @Test
    void aRequesterKeepsTheirArm() {
        Experiment e = experiment("short-question", 1, 1);
        Experiment sameFromTheDatabase = experiment("short-question", 1, 1);
        for (int r = 0; r < 1000; r++) {
            String requester = "zendesk:" + r;
            assertEquals(e.armFor(requester), e.armFor(requester));
            assertEquals(e.armFor(requester), sameFromTheDatabase.armFor(requester), "another instance decides alike");
        }
    }

    @Test
    void tenThousandRequestersSplitCloseToTheWeights() {
        // Weights 1:3 → 25% / 75%. With n = 10,000 the binomial standard deviation is 0.43 points, so
        // 1.5 points is three and a half of them.
        Experiment e = experiment("weights", 1, 3);
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 0; r < 10_000; r++) counts.merge(e.armFor("zendesk:" + (9000 + r)).id(), 1, Integer::sum);
        assertEquals(0.25, counts.get("control") / 10_000.0, 0.015, counts.toString());
        assertEquals(0.75, counts.get("short") / 10_000.0, 0.015, counts.toString());

        Map<String, Integer> even = new HashMap<>();
        Experiment equal = experiment("equal", 1, 1);
        for (int r = 0; r < 10_000; r++) even.merge(equal.armFor("freshdesk:" + r).id(), 1, Integer::sum);
        assertEquals(0.5, even.get("control") / 10_000.0, 0.015, even.toString());
    }

    @Test
    void anotherExperimentReshufflesTheRequesters() {
        Experiment a = experiment("first", 1, 1);
        Experiment b = experiment("second", 1, 1);
        int moved = 0;
        for (int r = 0; r < 1000; r++) if (!a.armFor("zendesk:" + r).equals(b.armFor("zendesk:" + r))) moved++;
        assertTrue(moved > 400 && moved < 600, "about half change arm: " + moved);
    }

    @Test
    void stateFollowsTheWindow() {
        Experiment e = new Experiment("x", START, Optional.of(START.plusSeconds(3600)), experiment("x", 1, 1).arms());
        assertEquals(ExperimentState.SCHEDULED, e.state(START.minusMillis(1)));
        assertEquals(ExperimentState.RUNNING, e.state(START));
        assertEquals(ExperimentState.ENDED, e.state(START.plusSeconds(3600)));
        assertFalse(e.isRunningAt(START.plusSeconds(7200)));
    }
}
