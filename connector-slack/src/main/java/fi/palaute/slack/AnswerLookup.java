package fi.palaute.slack;

import fi.palaute.common.store.Database;
import fi.palaute.common.survey.Answer;
import fi.palaute.common.survey.AnswerStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Answers as Slack shows them, for alerts and the digest's lowest answers; the rows come from {@link AnswerStore}. */
public final class AnswerLookup {
    private final AnswerStore answers;

    public AnswerLookup(Database db) {
        this.answers = new AnswerStore(db);
    }

    public Optional<AnswerView> find(long answerId) {
        return answers.find(answerId).map(AnswerLookup::view);
    }

    /** See {@link AnswerStore#lowest}. */
    public List<AnswerView> lowest(Instant from, Instant to, int limit) {
        return answers.lowest(from, to, limit).stream().map(AnswerLookup::view).toList();
    }

    private static AnswerView view(Answer a) {
        return new AnswerView(a.id(), a.source(), a.ticketId(), a.metric(), a.score(), a.comment(), a.answeredAt(),
                a.agent(), a.group(), a.ticketUrl(), a.suspectedBot(), a.replaced());
    }

    /** See {@link AnswerStore#latestComments}. */
    public List<AnswerView> latestComments(Optional<String> agent, Instant from, Instant to, int limit) {
        return answers.latestComments(agent, from, to, limit).stream().map(AnswerLookup::view).toList();
    }
}
