package fi.palaute.common.score;

import static fi.palaute.common.score.Answers.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static List<String> keys(List<GroupScore> ranking) {
        return ranking.stream().map(GroupScore::key).toList();
    }

    @Test
    void fiveOfFiveRanksBelowFortyEightOfFifty() {
        // Wilson lower bounds (WilsonTest): 48/50 → 86.54%, 5/5 → 56.55%, though 5/5 is the higher share.
        List<GroupScore> ranking = Ranking.byWilsonLowerBound(Map.of(
                "perfect-but-few", counts(Metric.CSAT, 5, 5),
                "steady", counts(Metric.CSAT, 5, 40, 4, 8, 2, 2)));
        assertEquals(List.of("steady", "perfect-but-few"), keys(ranking));
        assertEquals(1, ranking.get(0).rank());
        assertEquals(2, ranking.get(1).rank());
        assertEquals(86.5399, ranking.get(0).goodShareLowerBound(), 1e-4);
        assertEquals(56.5518, ranking.get(1).goodShareLowerBound(), 1e-4);
    }

    @Test
    void groupsBelowMinimumNAreListedLastWithoutRank() {
        // "new-agent", 4 of 4: lower bound 4/(4 + 3.841459) = 51.0%, far above "weak" (1 of 5, about 3.6%),
        // but 4 answers are below the default minimum n of 5, so it follows every ranked group.
        List<GroupScore> ranking = Ranking.byWilsonLowerBound(Map.of(
                "new-agent", counts(Metric.CSAT, 5, 4),
                "weak", counts(Metric.CSAT, 5, 1, 1, 4),
                "idle", ScoreCounts.empty(Metric.CSAT)));
        assertEquals(List.of("weak", "new-agent", "idle"), keys(ranking));
        assertTrue(ranking.get(0).ranked());
        assertEquals(1, ranking.get(0).rank());
        assertFalse(ranking.get(1).ranked());
        assertNull(ranking.get(1).rank());
        assertEquals(51.0, Rounding.toDecimals(ranking.get(1).goodShareLowerBound(), 1));
        // no answers: no bound, still listed so the caller can show "no answers yet"
        assertNull(ranking.get(2).goodShareLowerBound());
        assertFalse(ranking.get(2).ranked());
    }

    @Test
    void exactlyMinimumNIsRanked() {
        List<GroupScore> ranking = Ranking.byWilsonLowerBound(Map.of("five", counts(Metric.CSAT, 4, 5)));
        assertEquals(1, ranking.get(0).rank());
    }

    @Test
    void customMinimumNApplies() {
        List<GroupScore> ranking = Ranking.byWilsonLowerBound(Map.of("five", counts(Metric.CSAT, 4, 5)), 10);
        assertFalse(ranking.get(0).ranked());
        assertThrows(IllegalArgumentException.class,
                () -> Ranking.byWilsonLowerBound(Map.of("five", counts(Metric.CSAT, 4, 5)), 0));
    }

    @Test
    void equalCountsShareARankAndAreOrderedByKey() {
        List<GroupScore> ranking = Ranking.byWilsonLowerBound(Map.of(
                "bravo", counts(Metric.CSAT, 5, 9, 1, 1),
                "alpha", counts(Metric.CSAT, 5, 9, 1, 1),
                "charlie", counts(Metric.CSAT, 5, 5, 1, 5)));
        assertEquals(List.of("alpha", "bravo", "charlie"), keys(ranking));
        assertEquals(List.of(1, 1, 3), ranking.stream().map(GroupScore::rank).toList());
    }

    @Test
    void cesRanksByTheShareOfEasyAnswers() {
        // "easy": 9 of 10 at 5–7; "mixed": mean higher-ish per answer but only 5 of 10 at 5–7.
        List<GroupScore> ranking = Ranking.byWilsonLowerBound(Map.of(
                "mixed", counts(Metric.CES, 7, 5, 4, 5),
                "easy", counts(Metric.CES, 5, 9, 1, 1)));
        assertEquals(List.of("easy", "mixed"), keys(ranking));
        assertEquals(CesScore.class, ranking.get(0).score().getClass());
    }

    @Test
    void npsRanksByTheShareOfPromoters() {
        // passives (7–8) are not good, so 6 promoters beat 10 passives.
        List<GroupScore> ranking = Ranking.byWilsonLowerBound(Map.of(
                "passive", counts(Metric.NPS, 8, 10),
                "promoting", counts(Metric.NPS, 10, 6, 0, 4)));
        assertEquals(List.of("promoting", "passive"), keys(ranking));
    }

    @Test
    void mixedMetricsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ranking.byWilsonLowerBound(Map.of(
                "a", counts(Metric.CSAT, 5, 5),
                "b", counts(Metric.CES, 5, 5))));
    }

    @Test
    void noGroupsGiveAnEmptyRanking() {
        assertEquals(List.of(), Ranking.byWilsonLowerBound(Map.of()));
    }

    @Test
    void jsonStartsWithKeyAndRankThenTheScoreFields() {
        GroupScore group = Ranking.byWilsonLowerBound(Map.of("anna", counts(Metric.CSAT, 5, 5))).get(0);
        LinkedHashMap<String, Object> expected = new LinkedHashMap<>();
        expected.put("key", "anna");
        expected.put("rank", 1);
        expected.put("good_share_lower_bound", 56.6);
        expected.put("n", 5L);
        expected.put("score", 100.0);
        expected.put("ci95", Arrays.asList(56.6, 100.0));
        assertEquals(expected, group.toJson());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(group.toJson().keySet()));
    }
}
