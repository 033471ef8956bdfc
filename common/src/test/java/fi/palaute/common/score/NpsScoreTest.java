package fi.palaute.common.score;

import static fi.palaute.common.score.Answers.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class NpsScoreTest {

    @Test
    void fiftyPromotersAndTwentyDetractorsOfHundredIsThirty() {
        // p_pro = 0.5, p_det = 0.2 → NPS = 30
        // var = (0.5 + 0.2 − 0.3²)/100 = 0.61/100 = 0.0061; √var = 0.078102
        // half = 1.959964·0.078102 = 0.153078 → [14.69, 45.31]
        NpsScore nps = NpsScore.from(counts(Metric.NPS, 10, 30, 9, 20, 8, 20, 7, 10, 6, 10, 3, 5, 0, 5));
        assertEquals(100, nps.n());
        assertEquals(30.0, nps.score(), 1e-9);
        assertEquals(14.6922, nps.ci95().low(), 1e-4);
        assertEquals(45.3078, nps.ci95().high(), 1e-4);

        LinkedHashMap<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 100L);
        expected.put("score", 30.0);
        expected.put("ci95", List.of(14.7, 45.3));
        assertEquals(expected, nps.toJson());
    }

    @Test
    void sevensAndEightsArePassives() {
        // Passives count in n but neither add nor subtract: 1 promoter of 4 → 25.
        assertEquals(25.0, NpsScore.from(ScoreCounts.of(Metric.NPS, 7, 8, 8, 9)).score(), 1e-12);
    }

    @Test
    void noAnswersHaveNoScoreAndNoInterval() {
        NpsScore nps = NpsScore.from(ScoreCounts.empty(Metric.NPS));
        assertNull(nps.score());
        assertNull(nps.ci95());
        LinkedHashMap<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 0L);
        expected.put("score", null);
        expected.put("ci95", null);
        assertEquals(expected, nps.toJson());
    }

    @Test
    void oneAnswerHasAZeroWidthIntervalAsTheFormulaGives() {
        // promoter: p_pro = 1, p_det = 0 → var = (1 + 0 − 1²)/1 = 0; reported as [100, 100] (see NpsScore).
        NpsScore promoter = NpsScore.from(ScoreCounts.of(Metric.NPS, 10));
        assertEquals(100.0, promoter.score());
        assertEquals(new Interval(100, 100), promoter.ci95());
        // detractor: var = (0 + 1 − 1)/1 = 0; passive: var = 0/1 = 0
        assertEquals(new Interval(-100, -100), NpsScore.from(ScoreCounts.of(Metric.NPS, 0)).ci95());
        assertEquals(new Interval(0, 0), NpsScore.from(ScoreCounts.of(Metric.NPS, 7)).ci95());
    }

    @Test
    void intervalIsClippedToTheNpsRange() {
        // 9 promoters, 1 detractor: NPS 80; var = (1 − 0.8²)/10 = 0.036; half = 1.959964·0.189737 = 0.371877
        // → [42.81, 117.19] clipped to [42.81, 100]
        NpsScore nps = NpsScore.from(counts(Metric.NPS, 9, 9, 2, 1));
        assertEquals(80.0, nps.score(), 1e-9);
        assertEquals(42.8123, nps.ci95().low(), 1e-4);
        assertEquals(100.0, nps.ci95().high());
    }

    @Test
    void negativeScoresStayNegative() {
        // 1 promoter, 3 detractors of 4 → 25 − 75 = −50
        NpsScore nps = NpsScore.from(ScoreCounts.of(Metric.NPS, 10, 0, 5, 6));
        assertEquals(-50.0, nps.score(), 1e-12);
        assertEquals(Arrays.asList(4L, -50.0), List.copyOf(nps.toJson().values()).subList(0, 2));
    }

    @Test
    void otherMetricsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NpsScore.from(ScoreCounts.of(Metric.CSAT, 5)));
    }

    @Test
    void anyMetricScoreDispatchesOnTheMetric() {
        assertEquals(NpsScore.class, MetricScore.from(ScoreCounts.empty(Metric.NPS)).getClass());
        assertEquals(CesScore.class, MetricScore.from(ScoreCounts.empty(Metric.CES)).getClass());
        assertEquals(CsatScore.class, MetricScore.from(ScoreCounts.empty(Metric.CSAT)).getClass());
    }
}
