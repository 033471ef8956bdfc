package fi.palaute.slack;

import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import java.util.Optional;

/**
 * The Slack connector's settings (DESIGN.md). The token and signing secret are optional here because
 * {@code digest --dry-run} needs neither; {@link #botToken()} and {@link #signingSecret()} name the
 * missing setting when a command does need it.
 */
public record SlackSettings(Optional<String> token, String apiUrl, Optional<String> secret,
                            Optional<String> digestChannel, DigestSchedule schedule, Optional<String> alertChannel) {

    public static SlackSettings from(Settings s) {
        Optional<String> token = s.optional("SLACK_BOT_TOKEN");
        if (token.isPresent() && !token.get().startsWith("xox")) {
            throw new SettingException("SLACK_BOT_TOKEN", "must be a Slack bot token (xoxb-…)");
        }
        String apiUrl = s.optionalUrl("SLACK_API_URL").map(Object::toString).orElse(SlackClient.DEFAULT_API_URL);
        Optional<String> secret = s.optional("SLACK_SIGNING_SECRET");
        if (secret.isPresent() && secret.get().length() < 16) {
            throw new SettingException("SLACK_SIGNING_SECRET", "is too short to be a Slack signing secret");
        }
        DigestSchedule schedule = DigestSchedule.parse(s.string(DigestSchedule.SETTING, DigestSchedule.DEFAULT));
        return new SlackSettings(token, apiUrl, secret, s.optional("SLACK_DIGEST_CHANNEL"), schedule,
                s.optional("SLACK_ALERT_CHANNEL"));
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
                + ", schedule=" + schedule + ", alertChannel=" + alertChannel.orElse("-") + "]";
    }
}
