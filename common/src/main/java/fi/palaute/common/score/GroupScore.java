package fi.palaute.common.score;

import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * One agent's or group's place in a {@link Ranking}.
 *
 * @param key                the agent or group, as the caller named it
 * @param score              its score for the ranked metric
 * @param goodShareLowerBound Wilson 95% lower bound of its good share (CSAT 4–5, CES 5–7, NPS 9–10) in
 *                           percent; null when n = 0
 * @param rank               1 for the best; equal lower bounds share a rank (1, 1, 3). Null when the group
 *                           has fewer answers than the ranking's minimum n and so is listed but not ranked
 */
public record GroupScore(String key, MetricScore score, Double goodShareLowerBound, Integer rank) {

    public GroupScore {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(score, "score");
    }

    public boolean ranked() {
        return rank != null;
    }

    /** {@code key}, {@code rank} and {@code good_share_lower_bound} followed by the score's own fields. */
    public LinkedHashMap<String, Object> toJson() {
        LinkedHashMap<String, Object> json = new LinkedHashMap<>();
        json.put("key", key);
        json.put("rank", rank);
        json.put("good_share_lower_bound", Rounding.toDecimals(goodShareLowerBound, 1));
        json.putAll(score.toJson());
        return json;
    }
}
