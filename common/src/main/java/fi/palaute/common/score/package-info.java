/**
 * Survey scores (CSAT, CES, NPS), their 95% intervals and the ranking of agents or groups.
 *
 * <p>Everything here works from {@link fi.palaute.common.score.ScoreCounts}, a histogram of answers per
 * score value, because the database aggregates millions of answers into at most eleven counts.
 *
 * <p>Conventions:
 * <ul>
 *   <li>A value that cannot be computed (no answers, or an interval that needs more than one answer) is
 *       {@code null}, never {@code NaN} or a sentinel, so it maps directly to JSON {@code null}.</li>
 *   <li>Shares and scores are in percent (0–100, NPS −100–100); a CES mean is on its 1–7 scale.</li>
 *   <li>Nothing is rounded internally; only the {@code toJson()} shapes round, to one decimal.</li>
 * </ul>
 */
package fi.palaute.common.score;
