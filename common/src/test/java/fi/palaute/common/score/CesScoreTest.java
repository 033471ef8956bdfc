package fi.palaute.common.score;

import static fi.palaute.common.score.Answers.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class CesScoreTest {

    @Test
    void elevenAnswersGiveTheMeanWithATInterval() {
        // 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 7: sum 60, mean 60/11 = 5.454545
        // Σx² = 9 + 32 + 50 + 108 + 147 = 346; Σ(x − mean)² = 346 − 60²/11 = 206/11 = 18.727273
        // sd = √(18.727273/10) = 1.368476; t(10) = 2.228139; half = 2.228139·1.368476/√11 = 0.919355
        // → [4.535191, 6.373900]; easy (5–7) = 8/11 = 72.73%
        CesScore ces = CesScore.from(ScoreCounts.of(Metric.CES, 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 7));
        assertEquals(11, ces.n());
        assertEquals(60.0 / 11, ces.mean(), 1e-12);
        assertEquals(4.535191, ces.ci95().low(), 1e-6);
        assertEquals(6.373900, ces.ci95().high(), 1e-6);
        assertEquals(800.0 / 11, ces.easyShare(), 1e-12);

        LinkedHashMap<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 11L);
        expected.put("mean", 5.5);
        expected.put("ci95", List.of(4.5, 6.4));
        expected.put("easy_share", 72.7);
        assertEquals(expected, ces.toJson());
        assertEquals(List.of("n", "mean", "ci95", "easy_share"), List.copyOf(ces.toJson().keySet()));
    }

    @Test
    void allSevensHaveMeanSevenAndAZeroWidthInterval() {
        // sd = 0, so the half width t·0/√n is 0 whatever t is.
        CesScore ces = CesScore.from(counts(Metric.CES, 7, 5));
        assertEquals(7.0, ces.mean());
        assertEquals(new Interval(7, 7), ces.ci95());
        assertEquals(100.0, ces.easyShare());
    }

    @Test
    void oneAnswerHasAMeanButNoInterval() {
        // No sample standard deviation from a single answer (n − 1 = 0), so no interval.
        CesScore ces = CesScore.from(ScoreCounts.of(Metric.CES, 4));
        assertEquals(4.0, ces.mean());
        assertNull(ces.ci95());
        assertEquals(0.0, ces.easyShare());
        assertEquals(Arrays.asList(1L, 4.0, null, 0.0), new ArrayList<>(ces.toJson().values()));
    }

    @Test
    void noAnswersHaveNoMeanIntervalOrShare() {
        CesScore ces = CesScore.from(ScoreCounts.empty(Metric.CES));
        assertEquals(new CesScore(0, null, null, null), ces);
        assertEquals(Arrays.asList(0L, null, null, null), new ArrayList<>(ces.toJson().values()));
    }

    @Test
    void intervalPastTheScaleIsClippedToSeven() {
        // 4, 5, 6, 7: mean 5.5, sd = √(5/3) = 1.290994, t(3) = 3.182446
        // half = 3.182446·1.290994/2 = 4.108521/2 = 2.054260 → [3.445740, 7.554260], but a mean cannot exceed 7.
        CesScore ces = CesScore.from(ScoreCounts.of(Metric.CES, 4, 5, 6, 7));
        assertEquals(3.445740, ces.ci95().low(), 1e-6);
        assertEquals(7.0, ces.ci95().high());
    }

    @Test
    void otherMetricsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CesScore.from(ScoreCounts.of(Metric.NPS, 5)));
    }
}
