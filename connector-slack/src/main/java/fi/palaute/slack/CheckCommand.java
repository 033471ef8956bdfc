package fi.palaute.slack;

import fi.palaute.common.app.CheckReport;
import fi.palaute.common.config.Service;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Setting;
import fi.palaute.common.config.Settings;
import fi.palaute.common.http.Metrics;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check}: settings, database, the bot token ({@code auth.test}), each channel the connector posts
 * to ({@code conversations.info}: it exists, is not archived, and the bot is in it) and whether the
 * signing secret is set; one line each, exit 1 when any failed. "post history" says whether posts are exactly
 * once: the token must read the channels' history to find a post whose answer was lost instead of posting it
 * again ({@link OncePerJobPoster}); without the scope they are at least once.
 */
public final class CheckCommand {
    private final Settings env;
    private final Clock clock;
    private final PrintStream out;

    public CheckCommand(Settings env, Clock clock, PrintStream out) {
        this.env = env;
        this.clock = clock;
        this.out = out;
    }

    public int run() {
        CheckReport report = new CheckReport("Palaute Slack connector", out);
        Optional<SlackSettings> slack = Optional.empty();
        if (report.settings(Service.SLACK, env, Set.of(Setting.SLACK_BOT_TOKEN))) {
            slack = report.check("settings", () -> {
                ServiceSettings.from(env, SlackService.DEFAULT_PORT);
                return SlackSettings.from(env);
            }, s -> "API " + s.apiUrl() + ", digests " + s.digestChannel().map(c -> "to " + c + " " + s.schedule())
                    .orElse("off") + ", alerts " + s.alertChannel().map(c -> "to " + c).orElse("off"));
        }
        report.database(env);
        if (slack.isEmpty()) report.fail("slack API", "skipped: fix the settings first");
        else if (slack.get().token().isEmpty()) report.fail("slack API", "skipped: SLACK_BOT_TOKEN is not set");
        else slackApi(report, slack.get());
        if (slack.isPresent()) {
            if (slack.get().secret().isPresent()) report.ok("signing secret", "set: /slack/commands verifies requests");
            else report.warn("signing secret", "SLACK_SIGNING_SECRET is not set: /slack/commands answers 503");
        }
        return report.finish();
    }

    private void slackApi(CheckReport report, SlackSettings slack) {
        SlackClient client = new SlackClient(slack.apiUrl(), slack.botToken(), new Metrics(), clock)
                .withPurpose(fi.palaute.common.client.CallPurpose.CHECK);
        Optional<SlackIdentity> me = report.check("slack API", client::authTest,
                id -> "token signs in as " + id.user() + " (" + id.userId() + ") in " + id.team() + " (" + id.teamId() + ")");
        if (me.isEmpty()) return;
        channel(report, client, "SLACK_DIGEST_CHANNEL", slack.digestChannel(), "scheduled digests are off");
        channel(report, client, "SLACK_ALERT_CHANNEL", slack.alertChannel(), "low-score alerts are not posted");
        history(report, client, java.util.stream.Stream.of(slack.digestChannel(), slack.alertChannel())
                .flatMap(Optional::stream).distinct().toList());
    }

    private void history(CheckReport report, SlackClient client, java.util.List<String> channels) {
        if (channels.isEmpty()) return;
        java.util.List<String> unreadable = new java.util.ArrayList<>();
        for (String channel : channels) {
            try {
                client.conversationsHistory(new HistoryRequest(channel, null, clock.instant().minusSeconds(60), 1, null));
            } catch (SlackApiException e) {
                unreadable.add(channel + (e.error().equals("missing_scope") ? "" : " (" + e.error() + ")"));
            } catch (RuntimeException e) {
                unreadable.add(channel + " (" + e.getMessage() + ")");
            }
        }
        if (unreadable.isEmpty()) {
            report.ok("post history", String.join(", ", channels) + " readable: posts are exactly once (a post whose "
                    + "answer was lost is found in the channel, not posted again)");
        } else {
            report.warn("post history", "cannot read the history of " + String.join(", ", unreadable) + ": posts are "
                    + "at least once there (a post whose answer was lost is posted again); add the channels:history "
                    + "and groups:history scopes and reinstall the app");
        }
    }

    private void channel(CheckReport report, SlackClient client, String setting, Optional<String> channel, String unset) {
        if (channel.isEmpty()) {
            report.warn(setting, "not set: " + unset);
            return;
        }
        try {
            SlackChannel c = client.conversationInfo(channel.get());
            String name = (c.isPrivate() ? "private channel " : "#") + c.name() + " (" + c.id() + ")";
            if (c.isArchived()) report.fail(setting, name + " is archived: nothing can be posted to it");
            else if (!c.isMember()) report.fail(setting, name + ": the app is not in it; invite it with /invite @app");
            else report.ok(setting, name + ", the app is a member");
        } catch (SlackApiException e) {
            switch (e.error()) {
                case "channel_not_found" -> report.fail(setting, channel.get() + ": no such channel, or a private "
                        + "channel the app is not in (use the channel id from the channel's About tab)");
                case "missing_scope" -> report.warn(setting, channel.get() + ": cannot look the channel up (add the "
                        + "channels:read and groups:read scopes to let check verify it)");
                default -> report.fail(setting, channel.get() + ": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            report.fail(setting, channel.get() + ": " + e.getMessage());
        }
    }
}
