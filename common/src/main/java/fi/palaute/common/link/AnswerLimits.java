package fi.palaute.common.link;

import java.time.Duration;

/**
 * How much one rating link can make happen. Changes in quick succession coalesce: the write-back waits
 * for a quiet period after the latest answer, so a customer clicking through the scale (or a script
 * posting thirty answers) costs the helpdesk one or two updates, not thirty. A survey takes a bounded
 * number of answers; after that the page says the answer stands.
 *
 * @param quietPeriod how long after the latest answer the write-back waits for another change
 * @param maxAnswers  answers a survey takes, the first included
 */
public record AnswerLimits(Duration quietPeriod, int maxAnswers) {
    public AnswerLimits {
        if (quietPeriod.isNegative()) throw new IllegalArgumentException("the quiet period cannot be negative");
        if (maxAnswers < 1) throw new IllegalArgumentException("a survey takes at least one answer");
    }

    /**
     * Two minutes: long enough for a change of mind on the page, short against how soon an agent looks
     * at the note. Ten answers: more than any customer changes their mind, few enough that even all of
     * them cost the helpdesk's update budget nothing that matters.
     */
    public static AnswerLimits defaults() {
        return new AnswerLimits(Duration.ofMinutes(2), 10);
    }
}
