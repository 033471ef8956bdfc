package fi.palaute.common.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.score.Metric;
import fi.palaute.common.score.ScoreCounts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The comparison and verdict of an experiment from its arms' counts. */
class ExperimentResultTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    private static Experiment experiment(Metric first, Metric second) {
        return new Experiment("short-question", START, Optional.empty(), List.of(
                new Arm("control", "csat", first, Optional.empty(), 1),
                new Arm("short", "csat_short", second, Optional.empty(), 1)));
    }

    private static ScoreCounts csat(long satisfied, long others) {
        return ScoreCounts.empty(Metric.CSAT).withAnswers(5, satisfied).withAnswers(2, others);
    }

    @Test
    void aClearRiseInResponseRateIsStatedWithItsInterval() {
        Experiment e = experiment(Metric.CSAT, Metric.CSAT);
        // 300 of 1000 against 361 of 1000: +6.1 points, Newcombe 0.0198 to 0.1019 (computed independently in
        // Python 3); scores level at 80%.
        ExperimentResult r = ExperimentResult.of(e, ExperimentState.RUNNING, List.of(
                new ArmResult(e.first(), 1000, 300, csat(240, 60)),
                new ArmResult(e.second(), 1000, 361, csat(288, 72))));
        assertEquals("\"short\" raises the response rate by 6.1 points against \"control\" (95% CI 2.0–10.2)", r.verdict());
        assertEquals(6.1, r.responseRateDiff().value(), 1e-9);
        assertEquals(0.0, r.scoreDiff().value(), 1e-9);
        assertNull(r.neededPerArm(), "scores are level: no sample size can show a difference of 0");
    }

    @Test
    void noDifferenceYetSaysHowManyAnswersAreNeeded() {
        Experiment e = experiment(Metric.CSAT, Metric.CSAT);
        ExperimentResult r = ExperimentResult.of(e, ExperimentState.RUNNING, List.of(
                new ArmResult(e.first(), 100, 30, csat(24, 6)),
                new ArmResult(e.second(), 100, 33, csat(28, 5))));
        // CSAT 80.0% vs 84.8%: (1.96·√(2p̄q̄) + 0.84·√(p1q1+p2q2))² / d², rounded up.
        assertEquals(r.scoreDiff().neededPerArm(), r.neededPerArm());
        assertEquals("no difference shown yet; about " + r.neededPerArm() + " answers per arm needed", r.verdict());
    }

    @Test
    void armsOnDifferentScalesCompareResponseRatesOnly() throws Exception {
        Experiment e = experiment(Metric.CSAT, Metric.CES);
        ExperimentResult r = ExperimentResult.of(e, ExperimentState.RUNNING, List.of(
                new ArmResult(e.first(), 200, 60, csat(50, 10)),
                new ArmResult(e.second(), 200, 62, ScoreCounts.of(Metric.CES, 5, 6, 7))));
        assertNull(r.scoreDiff());
        assertEquals(r.responseRateDiff().neededPerArm(), r.neededPerArm());
        assertEquals("no difference shown yet; about " + r.neededPerArm() + " surveys sent per arm needed (scores not "
                + "compared: the arms ask on different scales)", r.verdict());
        String json = new ObjectMapper().writeValueAsString(r.toJson());
        assertEquals(true, json.contains("\"score_diff\":null"), json);
        assertEquals(true, json.contains("\"score\":{\"metric\":\"ces\",\"n\":3,\"value\":6.0,\"ci95\":[3.52,7.0]}"), json);
    }

    @Test
    void aFallIsStatedAsAFallWithAPositiveInterval() {
        Experiment e = experiment(Metric.CSAT, Metric.CSAT);
        ExperimentResult r = ExperimentResult.of(e, ExperimentState.ENDED, List.of(
                new ArmResult(e.first(), 1000, 400, csat(320, 80)),
                new ArmResult(e.second(), 1000, 400, csat(240, 160))));
        // Newcombe's interval of −0.2000 is −0.2608 to −0.1371 (computed independently in Python 3).
        assertEquals("ended: \"short\" lowers CSAT by 20.0 points against \"control\" (95% CI 13.7–26.1)", r.verdict());
    }

    @Test
    void nothingSentYetSaysSo() {
        Experiment e = experiment(Metric.CSAT, Metric.CSAT);
        ExperimentResult r = ExperimentResult.of(e, ExperimentState.RUNNING, List.of(
                new ArmResult(e.first(), 3, 1, csat(1, 0)), new ArmResult(e.second(), 0, 0, csat(0, 0))));
        assertEquals("no surveys sent yet in arm \"short\"", r.verdict());
        assertNull(r.responseRateDiff());
    }
}
