package fi.palaute.slack;

import fi.palaute.common.followup.CloseReason;
import fi.palaute.common.followup.FollowUp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The low-score alert message: score, comment, agent, group and the ticket link, then the follow-up's
 * state and the buttons that move it on. The message is drawn from the stored state each time, so the
 * first post and every {@code chat.update} after a click agree.
 */
public final class AlertComposer {
    public static final String CLAIM = "followup_claim";
    public static final String DONE = "followup_done";
    public static final String NO_ACTION = "followup_no_action";

    private final ZoneId zone;

    public AlertComposer(ZoneId zone) {
        this.zone = zone;
    }

    public SlackMessage compose(AnswerView a, FollowUp f) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(section(a)));
        blocks.add(new Block.Context(List.of("answered " + Format.when(a.answeredAt(), zone) + " " + zone.getId())));
        blocks.add(new Block.Section(status(f)));
        String value = Long.toString(f.id());
        String blockId = "followup:" + f.id() + ":" + f.state().id();
        switch (f.state()) {
            case OPEN -> blocks.add(new Block.Actions(blockId, List.of(
                    new Block.Button(CLAIM, "I'll follow up", value, "primary"),
                    new Block.Button(DONE, "Done", value, null),
                    new Block.Button(NO_ACTION, "No action needed", value, null))));
            case CLAIMED -> blocks.add(new Block.Actions(blockId, List.of(
                    new Block.Button(DONE, "Done", value, "primary"),
                    new Block.Button(NO_ACTION, "No action needed", value, null))));
            case CLOSED -> { }
        }
        return new SlackMessage(Mrkdwn.escape(text(a)), blocks);
    }

    /** The answer: score, helpdesk, ticket link, agent, group and the quoted comment. */
    String section(AnswerView a) {
        String score = a.metric().name() + " " + a.score() + "/" + a.metric().max();
        String headline = a.metric().isLow(a.score()) ? "*Low " + score + "*" : "Low score, *now " + score + "*";
        String agent = a.agent() == null ? "no agent" : a.agent();
        String group = a.group() == null ? "no group" : a.group();
        return ":rotating_light: " + headline + " · " + Mrkdwn.escape(Format.source(a.source())) + " "
                + Mrkdwn.link(a.ticketUrl(), "ticket #" + a.ticketId())
                + "\n*Agent* " + Mrkdwn.escape(agent) + " · *Group* " + Mrkdwn.escape(group)
                + "\n> " + DigestComposer.comment(a.comment());
    }

    private static String text(AnswerView a) {
        String agent = a.agent() == null ? "no agent" : a.agent();
        return "Low " + a.metric().name() + " " + a.score() + "/" + a.metric().max() + " on " + Format.source(a.source())
                + " ticket #" + a.ticketId() + " (agent " + agent + ")";
    }

    /** Who has it and what came of it; mentions show the person's current Slack name. */
    static String status(FollowUp f) {
        return switch (f.state()) {
            case OPEN -> ":hourglass_flowing_sand: *Open*: nobody is following up yet.";
            case CLAIMED -> ":telephone_receiver: " + mention(f.owner().id()) + " is following up.";
            case CLOSED -> closed(f);
        };
    }

    private static String closed(FollowUp f) {
        CloseReason reason = f.closeReason();
        if (reason == CloseReason.ANSWER_CHANGED) return ":arrows_counterclockwise: " + Mrkdwn.escape(f.outcome());
        String by = f.closedBy() == null ? "someone" : mention(f.closedBy().id());
        if (reason == CloseReason.NO_ACTION) return ":heavy_minus_sign: Closed by " + by + ": no action needed.";
        String reached = f.customerReached() == null ? "" : f.customerReached() ? " (customer reached)" : " (customer not reached)";
        return ":white_check_mark: Closed by " + by + reached + ": " + Mrkdwn.escape(f.outcome());
    }

    static String mention(String userId) {
        return "<@" + userId + ">";
    }
}
