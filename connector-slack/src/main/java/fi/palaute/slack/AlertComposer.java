package fi.palaute.slack;

import java.time.ZoneId;
import java.util.List;

/** The low-score alert message: score, comment, agent, group and the ticket link. */
public final class AlertComposer {
    private final ZoneId zone;

    public AlertComposer(ZoneId zone) {
        this.zone = zone;
    }

    public SlackMessage compose(AnswerView a) {
        String score = a.metric().name() + " " + a.score() + "/" + a.metric().max();
        String source = Format.source(a.source());
        String agent = a.agent() == null ? "no agent" : a.agent();
        String group = a.group() == null ? "no group" : a.group();
        String section = ":rotating_light: *Low " + score + "* · " + Mrkdwn.escape(source) + " "
                + Mrkdwn.link(a.ticketUrl(), "ticket #" + a.ticketId())
                + "\n*Agent* " + Mrkdwn.escape(agent) + " · *Group* " + Mrkdwn.escape(group)
                + "\n> " + DigestComposer.comment(a.comment());
        String text = "Low " + score + " on " + source + " ticket #" + a.ticketId() + " (agent " + agent + ")";
        return new SlackMessage(Mrkdwn.escape(text), List.of(new Block.Section(section),
                new Block.Context(List.of("answered " + Format.when(a.answeredAt(), zone) + " " + zone.getId()))));
    }
}
