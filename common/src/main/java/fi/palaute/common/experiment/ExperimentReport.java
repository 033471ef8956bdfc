package fi.palaute.common.experiment;

import fi.palaute.common.score.Metric;
import fi.palaute.common.score.ScoreCounts;
import fi.palaute.common.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads each recorded experiment's figures from the surveys its arms sent: an arm's sent surveys,
 * those with a current human answer, and those answers' scores. Only answers on the arm's own metric
 * count (a survey row keeps the metric it was sent with).
 */
public final class ExperimentReport {
    private final Database db;
    private final ExperimentStore store;
    private final Clock clock;

    public ExperimentReport(Database db, Clock clock) {
        this.db = db;
        this.store = new ExperimentStore(db);
        this.clock = clock;
    }

    /** Every recorded experiment, newest first. */
    public List<ExperimentResult> all() {
        List<ExperimentResult> results = new ArrayList<>();
        for (Experiment e : store.all()) results.add(of(e));
        return results;
    }

    /** The experiments running now (at most one, as the file is validated). */
    public List<ExperimentResult> running() {
        return runningAt(clock.instant());
    }

    /** The experiments running at {@code at}, with their figures so far. */
    public List<ExperimentResult> runningAt(java.time.Instant at) {
        return store.all().stream().filter(e -> e.isRunningAt(at)).map(this::of).toList();
    }

    public ExperimentResult of(Experiment experiment) {
        Map<String, long[]> sentAnswered = new HashMap<>();
        Map<String, ScoreCounts> scores = new HashMap<>();
        db.read(tx -> {
            tx.query("""
                    SELECT s.experiment_arm AS arm, COUNT(*) AS sent, COUNT(a.id) AS answered FROM surveys s
                    LEFT JOIN answers a ON a.survey_id = s.id AND a.replaced_at IS NULL AND a.suspected_bot = 0
                    WHERE s.experiment_id = ? AND s.state = 'sent'
                    GROUP BY s.experiment_arm""",
                    rs -> sentAnswered.put(rs.getString("arm"), new long[] {rs.getLong("sent"), rs.getLong("answered")}),
                    experiment.id());
            tx.query("""
                    SELECT s.experiment_arm AS arm, a.metric, a.score, COUNT(*) AS c FROM answers a
                    JOIN surveys s ON s.id = a.survey_id
                    WHERE s.experiment_id = ? AND s.state = 'sent' AND a.replaced_at IS NULL AND a.suspected_bot = 0
                    GROUP BY s.experiment_arm, a.metric, a.score""",
                    rs -> {
                        experiment.arm(rs.getString("arm")).ifPresent(arm -> {
                            try {
                                Metric metric = Metric.fromId(rs.getString("metric"));
                                int score = rs.getInt("score");
                                if (metric == arm.metric() && metric.accepts(score)) {
                                    scores.merge(arm.id(), ScoreCounts.empty(metric).withAnswers(score, rs.getLong("c")),
                                            ScoreCounts::plus);
                                }
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        return null;
                    }, experiment.id());
            return null;
        });
        List<ArmResult> arms = new ArrayList<>();
        for (Arm arm : experiment.arms()) {
            long[] sa = sentAnswered.getOrDefault(arm.id(), new long[2]);
            arms.add(new ArmResult(arm, sa[0], sa[1], scores.getOrDefault(arm.id(), ScoreCounts.empty(arm.metric()))));
        }
        return ExperimentResult.of(experiment, experiment.state(clock.instant()), arms);
    }
}
