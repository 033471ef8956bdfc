package fi.palaute.slack;

import fi.palaute.common.config.FollowUpSettings;
import fi.palaute.common.config.Setting;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import java.time.Duration;
import java.util.Optional;

/**
 * The Slack connector's settings (docs/settings.md). The token and signing secret are optional here because
 * {@code digest --dry-run} needs neither; {@link #botToken()} and {@link #signingSecret()} name the
 * missing setting when a command does need it.
 */
public record SlackSettings(Optional<String> token, String apiUrl, Optional<String> secret,
                            Optional<String> digestChannel, DigestSchedule schedule, Optional<String> alertChannel,
                            Duration followUpSla) {

    public static SlackSettings from(Settings s) {
        return new SlackSettings(s.optional(Setting.SLACK_BOT_TOKEN), s.url(Setting.SLACK_API_URL).toString(),
                s.optional(Setting.SLACK_SIGNING_SECRET), s.optional(Setting.SLACK_DIGEST_CHANNEL),
                DigestSchedule.parse(s.string(Setting.SLACK_DIGEST_SCHEDULE)), s.optional(Setting.SLACK_ALERT_CHANNEL),
                FollowUpSettings.from(s).sla());
    }

    public String botToken() {
        return token.orElseThrow(() -> new SettingException("SLACK_BOT_TOKEN", "is required but not set"));
    }

    public String signingSecret() {
        return secret.orElseThrow(() -> new SettingException("SLACK_SIGNING_SECRET", "is required but not set"));
    }

    public String requireDigestChannel() {
        return digestChannel.orElseThrow(() -> new SettingException("SLACK_DIGEST_CHANNEL", "is required but not set"));
    }

    /** Never prints the token or the secret. */
    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", token=" + (token.isPresent() ? "set" : "unset") + ", secret="
                + (secret.isPresent() ? "set" : "unset") + ", digestChannel=" + digestChannel.orElse("-")
                + ", schedule=" + schedule + ", alertChannel=" + alertChannel.orElse("-") + ", followUpSla=" + followUpSla + "]";
    }
}
