package fi.palaute.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.score.Metric;
import fi.palaute.common.score.MetricScore;
import fi.palaute.common.score.PeriodSummary;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The App Home tab ({@code views.publish}, a {@code home} view): scores of the last 30 days with n and the
 * 95% interval, the change against the 30 days before, the latest comments and the open follow-ups. The
 * same layout serves an agent (their own tickets) and everyone else (the team).
 */
public final class AppHomeComposer {
    private final ZoneId zone;

    public AppHomeComposer(ZoneId zone) {
        this.zone = zone;
    }

    /** What the tab shows; {@code agent} is empty for the team's view. */
    public record Home(Optional<String> agent, PeriodSummary current, PeriodSummary previous, List<AnswerView> comments,
                       List<FollowUp> followUps) {}

    public ObjectNode compose(Home h) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header(h.agent().map(a -> "Your scores, " + a).orElse("Team scores")));
        blocks.add(new Block.Context(List.of(h.agent().isPresent()
                ? "Answers on tickets you handled, last 30 days, matched to you by your e-mail address."
                : "Everyone's answers, last 30 days. Agents see their own tickets here: Palaute matches your Slack "
                        + "e-mail address to the agent e-mail the helpdesk has, and found none for yours.")));
        blocks.add(new Block.Section(scores(h)));
        blocks.add(new Block.Divider());
        blocks.add(new Block.Section(comments(h)));
        blocks.add(new Block.Section(followUps(h)));
        ObjectNode view = JsonNodeFactory.instance.objectNode().put("type", "home");
        ArrayNode out = view.putArray("blocks");
        for (Block b : blocks) out.add(b.toJson());
        return view;
    }

    private static String scores(Home h) {
        List<String> lines = new ArrayList<>();
        for (Metric m : Metric.values()) {
            MetricScore s = h.current().score(m);
            if (s.n() == 0) continue;
            lines.add("*" + m.name() + "* " + DigestComposer.describe(s) + " · n " + s.n() + " · 95% CI "
                    + DigestComposer.ci(s) + " · " + DigestComposer.change(s, h.previous().score(m), "30 days"));
        }
        if (lines.isEmpty()) return "*No survey answers in the last 30 days.*";
        lines.add("Response rate " + Format.percent(h.current().responseRate().rate()) + " ("
                + h.current().surveysAnswered() + " of " + h.current().surveysSent() + " surveys answered)");
        return String.join("\n", lines);
    }

    private String comments(Home h) {
        if (h.comments().isEmpty()) return "*Latest comments*\nNo comments in the last 30 days.";
        StringBuilder s = new StringBuilder("*Latest comments*");
        for (AnswerView a : h.comments()) {
            s.append("\n").append(a.metric().name()).append(' ').append(a.score()).append('/').append(a.metric().max())
                    .append(" · ").append(Mrkdwn.link(a.ticketUrl(), "#" + a.ticketId())).append(" · ")
                    .append(Format.when(a.answeredAt(), zone)).append("\n> ").append(DigestComposer.comment(a.comment()));
        }
        return s.toString();
    }

    private static String followUps(Home h) {
        String title = h.agent().isPresent() ? "*Your open follow-ups*" : "*Open follow-ups*";
        if (h.followUps().isEmpty()) return title + "\nNone: every low score has been followed up.";
        StringBuilder s = new StringBuilder(title);
        for (FollowUp f : h.followUps()) {
            s.append("\n• ").append(f.metric().name()).append(' ').append(f.score()).append('/').append(f.metric().max())
                    .append(" · ").append(Mrkdwn.link(f.ticketUrl(), "#" + f.ticketId())).append(" · ")
                    .append(AlertComposer.status(f));
        }
        return s.toString();
    }
}
