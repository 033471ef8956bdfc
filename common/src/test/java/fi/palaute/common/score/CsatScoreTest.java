package fi.palaute.common.score;

import static fi.palaute.common.score.Answers.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsatScoreTest {

    @Test
    void sixtySatisfiedOutOfHundredIsSixtyPercent() {
        // 30 fives + 30 fours satisfied, 40 threes and below not. Wilson 60/100 = [0.502003, 0.690599]
        // (worked out in WilsonTest), in percent [50.2, 69.1].
        CsatScore csat = CsatScore.from(counts(Metric.CSAT, 5, 30, 4, 30, 3, 20, 2, 10, 1, 10));
        assertEquals(100, csat.n());
        assertEquals(60.0, csat.score(), 1e-12);
        assertEquals(50.2003, csat.ci95().low(), 1e-4);
        assertEquals(69.0599, csat.ci95().high(), 1e-4);
        assertEquals(List.of(50.2, 69.1), csat.toJson().get("ci95"));
    }

    @Test
    void designExampleOfTwentyFiveSatisfiedOfThirty() {
        // 25/30 = 83.33%; centre = (25 + 1.920730)/33.841459 = 0.795496,
        // half = 1.959964·√(25·5/30 + 0.960365)/33.841459 = 1.959964·2.264285/33.841459 = 0.131139
        // → [66.4, 92.7], the example of the /api/summary shape.
        CsatScore csat = CsatScore.from(counts(Metric.CSAT, 5, 20, 4, 5, 3, 3, 1, 2));
        LinkedHashMap<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 30L);
        expected.put("score", 83.3);
        expected.put("ci95", List.of(66.4, 92.7));
        assertEquals(expected, csat.toJson());
        assertEquals(List.of("n", "score", "ci95"), List.copyOf(csat.toJson().keySet()));
    }

    @Test
    void noAnswersHaveNoScoreAndNoInterval() {
        CsatScore csat = CsatScore.from(ScoreCounts.empty(Metric.CSAT));
        assertEquals(0, csat.n());
        assertNull(csat.score());
        assertNull(csat.ci95());
        LinkedHashMap<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 0L);
        expected.put("score", null);
        expected.put("ci95", null);
        assertEquals(expected, csat.toJson());
    }

    @Test
    void oneSatisfiedAnswerIsHundredPercentWithAWideInterval() {
        // Wilson 1/1 = [1/(1 + z²), 1] = [1/4.841459, 1] = [20.7%, 100%]
        CsatScore csat = CsatScore.from(ScoreCounts.of(Metric.CSAT, 4));
        assertEquals(100.0, csat.score());
        assertEquals(Arrays.asList(20.7, 100.0), csat.toJson().get("ci95"));
    }

    @Test
    void oneUnhappyAnswerIsZeroPercent() {
        // Wilson 0/1 = [0, z²/(1 + z²)] = [0, 3.841459/4.841459] = [0%, 79.3%]
        CsatScore csat = CsatScore.from(ScoreCounts.of(Metric.CSAT, 1));
        assertEquals(0.0, csat.score());
        assertEquals(Arrays.asList(0.0, 79.3), csat.toJson().get("ci95"));
    }

    @Test
    void tenFivesAreHundredPercentWithLowerBoundSeventyTwo() {
        // Wilson 10/10 = [10/(10 + z²), 1] = [10/13.841459, 1] = [72.2467%, 100%]
        CsatScore csat = CsatScore.from(counts(Metric.CSAT, 5, 10));
        assertEquals(100.0, csat.score());
        assertEquals(72.2467, csat.ci95().low(), 1e-4);
        assertEquals(100.0, csat.ci95().high());
    }

    @Test
    void threesAreNotSatisfied() {
        assertEquals(0.0, CsatScore.from(counts(Metric.CSAT, 3, 7)).score());
    }

    @Test
    void otherMetricsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CsatScore.from(ScoreCounts.of(Metric.CES, 5)));
    }

    @Test
    void tenMillionAnswersAreComputedFromCounts() {
        CsatScore csat = CsatScore.from(counts(Metric.CSAT, 5, 8_000_000L, 1, 2_000_000L));
        assertEquals(80.0, csat.score(), 1e-12);
        // half width ≈ 1.96·√(0.8·0.2/10⁷)·100 = 0.0248 percentage points
        assertEquals(0.0496, csat.ci95().width(), 1e-4);
    }
}
