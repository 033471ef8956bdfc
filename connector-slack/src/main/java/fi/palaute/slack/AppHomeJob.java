package fi.palaute.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.job.JobRequest;
import fi.palaute.common.job.PermanentFailureException;
import fi.palaute.common.score.PeriodSummary;
import fi.palaute.common.score.SummaryQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code slack.app_home}: publishes the App Home of the Slack user who opened it. Their e-mail address
 * ({@code users.info}) names the helpdesk agent they are; an agent sees their own scores over the last 30
 * days against the 30 before, the latest comments on their tickets and their open follow-ups. Anyone else
 * (a lead, someone from sales) sees the team's.
 */
public final class AppHomeJob implements JobKind.PayloadHandler<AppHomeJob.Opened> {
    /** One job per event: Slack redelivers an event it thinks went unanswered. */
    public static final JobKind<Opened> KIND = JobKind.of("slack.app_home", Opened.class,
            opened -> opened.eventId() == null ? null : "app-home:" + opened.eventId());
    static final Duration WINDOW = Duration.ofDays(30);
    static final int COMMENTS = 5;
    static final int FOLLOW_UPS = 10;
    private static final Logger log = LoggerFactory.getLogger(AppHomeJob.class);

    /**
     * The payload: the Slack user who opened the App Home, and the event's id when Slack sent one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Opened(String user, String eventId) {}

    private final SlackClient slack;
    private final AgentDirectory agents;
    private final SummaryQuery summaries;
    private final AnswerLookup answers;
    private final FollowUpStore followUps;
    private final AppHomeComposer composer;
    private final Clock clock;

    public AppHomeJob(SlackClient slack, AgentDirectory agents, SummaryQuery summaries, AnswerLookup answers,
                      FollowUpStore followUps, AppHomeComposer composer, Clock clock) {
        this.slack = slack;
        this.agents = agents;
        this.summaries = summaries;
        this.answers = answers;
        this.followUps = followUps;
        this.composer = composer;
        this.clock = clock;
    }

    public static JobRequest request(String user, String eventId, Instant now) {
        return KIND.request(new Opened(user, eventId), now).withMaxAttempts(3);
    }

    @Override
    public void handle(Job job, Opened opened) {
        String user = opened.user() == null ? "" : opened.user();
        if (user.isEmpty()) throw new PermanentFailureException(KIND + " payload has no user");
        Optional<String> agent = slack.userEmail(user).flatMap(agents::agentWithEmail);
        Instant now = clock.instant();
        Instant from = now.minus(WINDOW);
        Instant before = from.minus(WINDOW);
        PeriodSummary current = scope(summaries.summarize(from, now, SummaryQuery.By.AGENT, Optional.empty()), agent);
        PeriodSummary previous = scope(summaries.summarize(before, from, SummaryQuery.By.AGENT, Optional.empty()), agent);
        List<AnswerView> comments = answers.latestComments(agent, from, now, COMMENTS);
        List<FollowUp> open = followUps.unfinished(agent, agent.isPresent() ? Optional.of(user) : Optional.empty(), FOLLOW_UPS);
        slack.publishView(user, composer.compose(new AppHomeComposer.Home(agent, current, previous, comments, open)));
        log.info("app home published for {} ({})", user, agent.isPresent() ? "agent" : "team view");
    }

    /** The agent's share of the period, or the whole team's when the user is no agent. */
    private static PeriodSummary scope(PeriodSummary split, Optional<String> agent) {
        if (agent.isEmpty()) return split;
        return split.groups().stream().filter(g -> g.key().equals(agent.get())).map(PeriodSummary.Group::summary)
                .findFirst().orElse(emptyLike(split));
    }

    private static PeriodSummary emptyLike(PeriodSummary p) {
        return new PeriodSummary(p.from(), p.to(), 0, 0, 0, java.util.Map.of(), new PeriodSummary.Fcr(0, 0, java.util.Set.of()),
                PeriodSummary.HandleTime.of(List.of(), java.util.Set.of()), 0, List.of());
    }
}
