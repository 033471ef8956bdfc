package fi.palaute.common.survey;

import fi.palaute.common.score.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** An answer to write back onto its ticket: a private note, a tag and optionally a score field. */
public record AnswerWriteBack(long answerId, String ticketId, Metric metric, int score, String comment,
                              boolean suspectedBot, Instant answeredAt) {
    /** Marks a ticket whose latest answer looks automated (a mail scanner), as Palaute's scores leave it out. */
    public static final String SUSPECTED_BOT_TAG = "palaute_suspected_bot";
    private static final Pattern SCORE_TAG = Pattern.compile("palaute_(csat|ces|nps)_[0-9]+");

    /** Tag such as {@code palaute_csat_4}. */
    public String tag() {
        return "palaute_" + metric.id() + "_" + score;
    }

    /** The tags the ticket carries after this write-back: the score tag, and the bot flag when flagged. */
    public List<String> tagsToAdd() {
        return suspectedBot ? List.of(tag(), SUSPECTED_BOT_TAG) : List.of(tag());
    }

    /**
     * Our tags the ticket must not carry after this write-back, so that it ends with exactly one score
     * tag (views and reports built on tags would count a changed answer twice): every other score of
     * every metric, and the bot flag when this answer is not flagged.
     */
    public List<String> tagsToRemove() {
        List<String> remove = new ArrayList<>();
        for (Metric m : Metric.values()) {
            for (int s = m.min(); s <= m.max(); s++) {
                String t = "palaute_" + m.id() + "_" + s;
                if (!t.equals(tag())) remove.add(t);
            }
        }
        if (!suspectedBot) remove.add(SUSPECTED_BOT_TAG);
        return List.copyOf(remove);
    }

    /** A Palaute score tag of any metric ({@code palaute_nps_9}), whatever its case. */
    public static boolean isScoreTag(String tag) {
        return tag != null && SCORE_TAG.matcher(tag.toLowerCase(Locale.ROOT)).matches();
    }

    /** Marks the private note of this answer, so that a retry after a crash finds it and does not post it twice. */
    public String noteMarker() {
        return "palaute-answer-" + answerId;
    }
}
