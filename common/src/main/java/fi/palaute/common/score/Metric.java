package fi.palaute.common.score;

import java.util.Locale;

/** The three survey metrics, their scales and where a score counts as "good" or "low". */
public enum Metric {
    /** Customer satisfaction, 1–5; reported as the share of 4s and 5s. */
    CSAT(1, 5, 4, 2, 3),
    /** Customer effort, 1–7; reported as the mean and the share of 5–7. */
    CES(1, 7, 5, 3, 4),
    /** Net promoter, 0–10; promoters 9–10, detractors 0–6 (passives 7–8 are neither good nor low). */
    NPS(0, 10, 9, 6, 6);

    private final int min;
    private final int max;
    private final int goodFrom;
    private final int alertAtOrBelow;
    private final int belowGoodTo;

    Metric(int min, int max, int goodFrom, int alertAtOrBelow, int belowGoodTo) {
        this.min = min;
        this.max = max;
        this.goodFrom = goodFrom;
        this.alertAtOrBelow = alertAtOrBelow;
        this.belowGoodTo = belowGoodTo;
    }

    public int min() { return min; }

    public int max() { return max; }

    /** Lowest score that counts as satisfied (CSAT), easy (CES) or promoter (NPS). */
    public int goodFrom() { return goodFrom; }

    /** A score at or below this raises a low-score alert. */
    public int alertAtOrBelow() { return alertAtOrBelow; }

    public boolean accepts(int score) { return score >= min && score <= max; }

    public boolean isLow(int score) { return score <= alertAtOrBelow; }

    /**
     * Highest score below the good band, what a digest lists as a low answer: CSAT 3 (not satisfied),
     * CES 4 (not easy), NPS 6 (a detractor).
     */
    public int belowGoodTo() { return belowGoodTo; }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static Metric fromId(String id) {
        for (Metric m : values()) {
            if (m.id().equalsIgnoreCase(id)) return m;
        }
        throw new IllegalArgumentException("unknown metric '" + id + "' (expected csat, ces or nps)");
    }
}
